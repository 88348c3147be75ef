package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.editor.workflow.Laptops.await;
import static org.mapwork.editor.workflow.Laptops.hubDocument;
import static org.mapwork.editor.workflow.Laptops.hubState;
import static org.mapwork.editor.workflow.Laptops.inShareDialog;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.editor.collab.HubLink;
import org.mapwork.editor.collab.ShareHost;
import org.mapwork.editor.collab.Sharing;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.editor.workflow.Laptops.Laptop;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The host quitting for good, with three laptops on loopback, each an editor with its own library: Ana shares a
 * map, Ben and Carl join it (kept on their devices), everyone edits (Carl through a Wi-Fi drop); Ana quits; Carl
 * edits on offline; Ben chooses "Host it here"; Carl's window finds Ben's hub on the network by itself and carries on
 * there. Nothing anyone was told was committed is lost, nor Carl's offline edits, and every window ends equal. And
 * Ana, back, is not let start a second hub of the map: her share dialog names Ben's and joins it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class HostItHereTest {

    @TempDir
    Path dir;

    final List<Laptop> laptops = new ArrayList<>();
    /** Every label an edit gave, by element: what the last hub must hold. */
    final Map<String, String> edits = new LinkedHashMap<>();
    Laptop ana;
    Laptop ben;
    Laptop carl;
    MapWindow anaWindow;
    MapWindow benWindow;
    MapWindow carlWindow;
    List<Element> nodes;

    /** The method of the map the workshop edits (a theory-of-change subclass may run the same). */
    String methodId() {
        return "net-map";
    }

    /** A screenshot's name: the method's id first, but for the Net-Map. */
    String shot(String name) {
        return methodId().equals("net-map") ? name : methodId() + "-" + name;
    }

    @Start
    void start(Stage stage) {
        Ui.closeOtherWindows(stage);
    }

    @AfterEach
    void stop() throws Exception {
        Ui.fx(() -> {
            Ui.closeOtherWindows(null);
            laptops.forEach(l -> l.app().stop());
            return null;
        });
    }

    private Laptop laptop(String name, Map<String, String> more) throws Exception {
        Laptop l = Laptops.start(dir, name, more);
        laptops.add(l);
        return l;
    }

    /** Whether multicast works on loopback here; .ci/run turns it on and then requires it. */
    static boolean multicastOnLoopback() throws Exception {
        NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getByName("127.0.0.1"));
        boolean works = lo != null && lo.supportsMulticast();
        if (!works && System.getenv("MAPWORK_REQUIRE_MULTICAST") != null) {
            throw new AssertionError("the loopback interface has no multicast, and MAPWORK_REQUIRE_MULTICAST is set");
        }
        return works;
    }

    private void edit(MapWindow w, Element e, String label) throws Exception {
        Ui.fx(() -> w.viewModel().apply("Rename", List.of(Change.setLabel(e.id(), label))));
        edits.put(e.id(), label);
    }

    private ShareHost host(MapWindow w) throws Exception {
        Sharing s = Ui.fx(() -> Sharing.of(w));
        return s == null ? null : s.host();
    }

    /** Ana shares her map, Ben and Carl join it (kept on their laptops), all three edit; everyone level with Ana's hub. */
    private void aWorkshopAtAnasHub(FxRobot robot, boolean withCarl) throws Exception {
        ana = laptop("ana", Map.of("example", methodId()));
        ana.shelf();
        anaWindow = Ui.fx(ana.app()::lastWindow);
        Ui.fx(() -> {
            ana.app().share(anaWindow);
            return null;
        });
        Laptops.startInShareDialog(robot, "Ana");
        await("Ana's hub started", () -> Sharing.of(anaWindow) != null, () -> inShareDialog(robot, "#share-problem", Label.class).getText());
        String address = host(anaWindow).joinAddress().toUri().toString();
        Ui.fx(() -> {
            inShareDialog(robot, "#share-close", Button.class).fire();
            return null;
        });
        MapDocument start = Ui.fx(() -> anaWindow.viewModel().document());
        nodes = start.elements().stream().filter(e -> !e.isLink()).toList();
        assertTrue(nodes.size() >= 8, "the example has nodes enough to edit: " + nodes.size());

        ben = laptop("ben", Map.of());
        benWindow = Laptops.join(robot, ben, address, "Ben");
        if (withCarl) {
            carl = laptop("carl", Map.of());
            carlWindow = Laptops.join(robot, carl, address, "Carl");
        }
        edit(anaWindow, nodes.get(0), "Union of carers (Ana)");
        edit(benWindow, nodes.get(1), "City council (Ben)");
        if (withCarl) {
            edit(carlWindow, nodes.get(2), "Clinic (Carl)");
            // Carl's Wi-Fi drops for a moment; what he does meanwhile goes in once he is back
            Ui.fx(() -> {
                HubLink.of(carlWindow).client().dropConnection();
                return null;
            });
            edit(carlWindow, nodes.get(3), "Employers (Carl, through the drop)");
        }
        edit(benWindow, nodes.get(4), "Ministry (Ben)");
        levelWith(host(anaWindow), anaWindow, benWindow, carlWindow);
    }

    /** Waits until every window is online with nothing waiting and shows the hub's map. */
    private void levelWith(ShareHost host, MapWindow... windows) throws Exception {
        for (MapWindow w : windows) {
            if (w == null) {
                continue;
            }
            await("the window level with the hub", () -> HubLink.of(w).client().core().pending() == 0
                            && hubState(new FxRobot(), w).startsWith("Online")
                            && w.viewModel().document().equals(hubDocument(host)),
                    () -> hubState(new FxRobot(), w) + ", " + HubLink.of(w).client().core().pending() + " waiting");
        }
    }

    /** Ana quits: her window closes (and her hub with it), then her editor. */
    private void anaQuits() throws Exception {
        int port = host(anaWindow).server().port();
        Ui.fx(() -> {
            anaWindow.stage().hide();
            ana.app().stop();
            return null;
        });
        laptops.remove(ana);
        assertNull(host(anaWindow), "Ana's hub stopped with her window");
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new java.net.Socket(InetAddress.getLoopbackAddress(), port).close(), "nothing listens at Ana's any more");
    }

    /** Ben's offline window offers "Host it here"; he takes it, on loopback; waits for his hub. */
    private ShareHost benHostsItHere(FxRobot robot, String screenshot) throws Exception {
        await("Ben's window offers to host the map", () -> hubState(robot, benWindow).startsWith("Offline")
                && robot.from(benWindow.root()).lookup("#hub-host-here").queryButton().isVisible(), () -> hubState(robot, benWindow));
        if (screenshot != null) {
            Snapshots.save(Snapshots.of(benWindow.root()), shot(screenshot));
        }
        Ui.fx(() -> {
            robot.from(benWindow.root()).lookup("#hub-host-here").queryButton().fire();
            return null;
        });
        assertEquals("Host this map here", Ui.fx(() -> robot.lookup("#share-dialog").queryParent()
                .getChildrenUnmodifiable().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
                .findFirst().orElse("")));
        if (screenshot != null) {
            Snapshots.save(Snapshots.of(robot.lookup("#share-dialog").queryParent()), shot("host-it-here-choice"));
        }
        Laptops.startInShareDialog(robot, "Ben");
        await("Ben's hub started", () -> Sharing.of(benWindow) != null, () -> inShareDialog(robot, "#share-problem", Label.class).getText());
        ShareHost bens = host(benWindow);
        assertTrue(bens.tookOver(), "a takeover from Ben's copy, not a new share");
        await("Ben's window is in through his hub", () -> hubState(robot, benWindow).startsWith("Online"), () -> hubState(robot, benWindow));
        return bens;
    }

    @Test
    void when_the_host_quits_another_laptop_hosts_the_map_and_the_others_follow_it_with_nothing_lost(FxRobot robot)
            throws Exception {
        boolean discovery = multicastOnLoopback();
        aWorkshopAtAnasHub(robot, true);
        String oldAddress = Ui.fx(() -> HubLink.of(carlWindow).client().address().toString());
        String token = JoinAddress.parse(host(anaWindow).joinAddress().toUri().toString()).token();
        anaQuits();
        await("Carl's window is offline", () -> hubState(robot, carlWindow).startsWith("Offline"), () -> hubState(robot, carlWindow));

        // Carl and Ben edit on offline: kept on their laptops
        edit(carlWindow, nodes.get(5), "Clinic nurses (Carl, offline)");
        edit(carlWindow, nodes.get(6), "Parents (Carl, offline)");
        edit(benWindow, nodes.get(7), "Schools (Ben, offline)");
        await("Carl's changes are kept", () -> hubState(robot, carlWindow).equals("Offline — your changes are kept (2 waiting)"),
                () -> hubState(robot, carlWindow));

        ShareHost bens = benHostsItHere(robot, "host-it-here-offline");
        assertEquals(token, bens.token(), "the same token: everyone's kept address still lets them in");
        assertNotEquals(oldAddress, bens.joinAddress().map().toString());

        if (!discovery) {
            System.err.println("HostItHereTest: no multicast on loopback: Carl is given Ben's address");
            Laptops.join(robot, carl, bens.joinAddress().toUri().toString(), "Carl");
        }
        // Carl's window hears Ben's hub on the network and moves there by itself
        await("Carl's window finds Ben's hub", () -> hubState(robot, carlWindow).startsWith("Online"), () -> hubState(robot, carlWindow));
        levelWith(bens, benWindow, carlWindow);
        await("Ben's share dialog counts Carl in", () -> inShareDialog(robot, "#share-people", Label.class).getText()
                .equals("2 people are in, you included"), () -> inShareDialog(robot, "#share-people", Label.class).getText());
        assertTrue(Ui.fx(() -> inShareDialog(robot, "#share-took-over", Label.class).isVisible()), "it says it was taken over");
        Snapshots.save(Snapshots.of(robot.lookup("#share-dialog").queryParent()), shot("host-it-here-dialog"));

        MapDocument end = hubDocument(bens);
        edits.forEach((id, label) -> assertEquals(label, end.element(id).label(), "lost: " + id + " '" + label + "'"));
        assertEquals(Ui.fx(() -> benWindow.viewModel().document()), Ui.fx(() -> carlWindow.viewModel().document()));
        String carlActor = Ui.fx(() -> carlWindow.viewModel().session().actor());
        assertEquals(2, bens.hub().log().stream().filter(e -> e.actor().equals(carlActor)).count(),
                "Carl's two offline edits reached Ben's hub once each: " + bens.hub().log());
        // Carl's library keeps the new address: "Shared with me" opens Ben's hub next time
        await("Carl's library has Ben's address", () -> carl.app().library().shared().find(end.id()).orElseThrow().address()
                .equals(bens.joinAddress().map().toString()), () -> carl.app().library().shared().find(end.id()).orElseThrow().address());
        assertEquals(bens.joinAddress().map().toString(), ben.app().library().shared().find(end.id()).orElseThrow().address());

        // one more round, as the workshop goes on at Ben's
        edit(carlWindow, nodes.get(0), "Union of carers (Carl, at Ben's)");
        levelWith(bens, benWindow, carlWindow);
        assertEquals("Union of carers (Carl, at Ben's)", Ui.fx(() -> benWindow.viewModel().document().element(nodes.get(0).id()).label()));
    }

    @Test
    void the_old_host_sharing_again_is_told_the_map_is_hosted_elsewhere_and_joins_it(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(multicastOnLoopback(), "needs multicast on loopback");
        aWorkshopAtAnasHub(robot, false);
        anaQuits();
        edit(benWindow, nodes.get(7), "Schools (Ben, offline)");
        ShareHost bens = benHostsItHere(robot, null);
        Ui.fx(() -> {
            inShareDialog(robot, "#share-close", Button.class).fire();
            return null;
        });

        // Ana is back: she opens her map from her library and shares it again
        ana = laptop("ana", Map.of());
        String mapId = bens.mapId();
        org.mapwork.editor.start.LibraryShelf anasLibrary = ana.shelf();
        MapWindow again = Ui.fx(() -> {
            ana.app().opened(anasLibrary.open(mapId));
            return ana.app().lastWindow();
        });
        Ui.fx(() -> {
            ana.app().share(again);
            return null;
        });
        Laptops.startInShareDialog(robot, "Ana");
        String elsewhere = "This map is hosted at 127.0.0.1:" + bens.server().port() + " already";
        await("Ana is told where the map is hosted", () -> inShareDialog(robot, "#share-problem", Label.class).getText()
                .startsWith(elsewhere), () -> inShareDialog(robot, "#share-problem", Label.class).getText());
        assertTrue(Ui.fx(() -> inShareDialog(robot, "#share-start", Button.class).isDisabled()), "no second hub to start");
        Snapshots.save(Snapshots.of(robot.lookup("#share-dialog").queryParent()), shot("share-hosted-elsewhere"));
        Thread.sleep(5_500); // longer than the dialog listens before it would share
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(host(again), "Ana's editor runs no second hub of the map");

        // Join it there: the map's token from her last share, and she is in at Ben's
        MapWindow before = again;
        Ui.fx(() -> {
            inShareDialog(robot, "#share-join-instead", Button.class).fire();
            return null;
        });
        Ui.fx(() -> {
            javafx.scene.Parent dialog = robot.lookup("#join-dialog").queryParent();
            ((Button) dialog.lookup("#join-button")).fire();
            return null;
        });
        await("Ana's window at Ben's hub", () -> ana.app().lastWindow() != before
                && hubState(robot, ana.app().lastWindow()).startsWith("Online"), () -> String.valueOf(ana.app().lastWindow()));
        MapWindow atBens = Ui.fx(ana.app()::lastWindow);
        edit(atBens, nodes.get(1), "City council (Ana, at Ben's)");
        await("Ana's edit reaches Ben's hub", () -> hubDocument(bens).element(nodes.get(1).id()).label()
                .equals("City council (Ana, at Ben's)"), () -> hubDocument(bens).element(nodes.get(1).id()).label() + "; Ana's window: "
                + hubState(robot, atBens) + ", " + HubLink.of(atBens).client().core().pending() + " waiting, "
                + atBens.viewModel().document().element(nodes.get(1).id()).label() + "; log " + bens.hub().log());
        levelWith(bens, benWindow);
    }
}
