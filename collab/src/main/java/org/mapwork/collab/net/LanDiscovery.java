package org.mapwork.collab.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;

/**
 * Finding shared maps on this network without typing an address: a hub announces each shared map over DNS-SD on
 * multicast DNS ({@value #SERVICE_TYPE}, with jmdns), and the Join screen lists what it hears. An announcement
 * carries the map's id and title and the hub's port, <em>never its token</em>: joining still needs the join address,
 * its QR code or the map's join code ({@link JoinCode}), which the person reads off the host's screen.
 *
 * <p>Venue Wi-Fi often drops multicast between devices; then nothing is found and people type the address or the
 * code, which always works. What arrives from the network is untrusted: announcements with a malformed id, port or
 * address are ignored, titles are cut to {@value #MAX_TITLE} characters without control characters.
 */
public final class LanDiscovery {

    /** The DNS-SD service type of a Mapwork hub's shared map. */
    public static final String SERVICE_TYPE = "_mapwork._tcp.local.";
    static final int MAX_TITLE = 120;
    private static final Pattern MAP_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private LanDiscovery() {
    }

    /** An announcement or a listening that runs until closed; closing never fails (there is nothing left to do). */
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    /** Closes jmdns, which may report a problem sending its goodbyes: nothing to do about it when stopping. */
    private static void stop(JmDNS dns, boolean withdraw) {
        if (withdraw) {
            dns.unregisterAllServices();
        }
        try {
            dns.close();
        } catch (IOException e) {
            // stopping: the others' caches forget the announcement by its time to live
        }
    }

    /** A shared map heard of on this network: where its hub is and what it is called. */
    public record Nearby(String title, String mapId, String host, int port) {

        /** The map's WebSocket address on this hub (without a token). */
        public URI mapUri() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return URI.create("ws://" + h + ":" + port + HubServer.PREFIX + mapId);
        }

        /** Where this hub answers a join code. */
        public URI codeUri(JoinCode code) {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return URI.create("http://" + h + ":" + port + JoinCodeHandler.PREFIX + code.value());
        }
    }

    /**
     * Announces a shared map from the interface that has {@code on} (the hub's bound address). Blocks for about a
     * second while jmdns probes the name: call it off the JavaFX thread. Close it to withdraw the announcement.
     *
     * @throws IOException when multicast DNS cannot start on that interface
     */
    public static Handle announce(InetAddress on, int port, String mapId, String title) throws IOException {
        JmDNS dns = JmDNS.create(on, "mapwork-hub");
        try {
            dns.registerService(ServiceInfo.create(SERVICE_TYPE, instanceName(title, mapId), port, 0, 0,
                    Map.of("v", "1", "map", mapId, "title", clean(title))));
        } catch (IOException | RuntimeException e) {
            dns.close();
            throw e;
        }
        return () -> stop(dns, true);
    }

    /**
     * Listens for shared maps on the interface that has {@code on}; {@code heard} gets the whole list (sorted by
     * title) each time it changes, on jmdns's thread. Close the returned handle to stop.
     *
     * @throws IOException when multicast DNS cannot start on that interface
     */
    public static Handle browse(InetAddress on, Consumer<List<Nearby>> heard) throws IOException {
        JmDNS dns = JmDNS.create(on, "mapwork-join");
        Map<String, Nearby> found = new LinkedHashMap<>();
        dns.addServiceListener(SERVICE_TYPE, new ServiceListener() {
            @Override
            public void serviceAdded(ServiceEvent event) {
                dns.requestServiceInfo(event.getType(), event.getName(), 1000);
            }

            @Override
            public void serviceRemoved(ServiceEvent event) {
                List<Nearby> now;
                synchronized (found) {
                    if (found.remove(event.getName()) == null) {
                        return;
                    }
                    now = sorted(found);
                }
                heard.accept(now);
            }

            @Override
            public void serviceResolved(ServiceEvent event) {
                Optional<Nearby> n = read(event.getInfo());
                if (n.isEmpty()) {
                    return;
                }
                List<Nearby> now;
                synchronized (found) {
                    if (n.get().equals(found.put(event.getName(), n.get()))) {
                        return;
                    }
                    now = sorted(found);
                }
                heard.accept(now);
            }
        });
        return () -> stop(dns, false);
    }

    private static List<Nearby> sorted(Map<String, Nearby> found) {
        List<Nearby> list = new ArrayList<>(found.values());
        list.sort(Comparator.comparing(Nearby::title, String.CASE_INSENSITIVE_ORDER).thenComparing(Nearby::mapId));
        return List.copyOf(list);
    }

    /** An announcement as a nearby map, or empty when it is not one of ours or is malformed. */
    static Optional<Nearby> read(ServiceInfo info) {
        if (info == null || !"1".equals(info.getPropertyString("v"))) {
            return Optional.empty();
        }
        String mapId = info.getPropertyString("map");
        int port = info.getPort();
        Inet4Address[] addresses = info.getInet4Addresses();
        if (mapId == null || !MAP_ID.matcher(mapId).matches() || port < 1 || port > 65535 || addresses.length == 0) {
            return Optional.empty();
        }
        String title = info.getPropertyString("title");
        return Optional.of(new Nearby(clean(title == null || title.isBlank() ? mapId : title), mapId,
                addresses[0].getHostAddress(), port));
    }

    /** A title fit to show: no control characters, at most {@link #MAX_TITLE} characters. */
    static String clean(String title) {
        String t = title == null ? "" : title.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return t.codePointCount(0, t.length()) <= MAX_TITLE ? t : t.substring(0, t.offsetByCodePoints(0, MAX_TITLE));
    }

    /** A DNS-SD instance name (at most 63 bytes of UTF-8): the title, or the map's id. */
    static String instanceName(String title, String mapId) {
        String name = clean(title).replace('.', ' ');
        if (name.isEmpty()) {
            name = mapId;
        }
        while (name.getBytes(StandardCharsets.UTF_8).length > 63) {
            name = name.substring(0, name.offsetByCodePoints(0, name.codePointCount(0, name.length()) - 1));
        }
        return name;
    }
}
