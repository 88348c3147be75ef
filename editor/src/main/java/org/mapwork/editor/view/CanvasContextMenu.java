package org.mapwork.editor.view;

import java.util.List;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.Shortcuts;
import org.mapwork.editor.map.Words;
import org.mapwork.model.Element;

/**
 * The canvas's context menu (a right-click, Shift+F10 or the menu key): what can be done with the element under the
 * pointer, or on the empty canvas there. Each item names its key, looked up in the {@link Shortcuts} table.
 */
final class CanvasContextMenu {

    /** The items a method adds for an element (towers, goals, preconditions), between the generic ones. */
    interface MethodItems {
        void add(ContextMenu menu, Element element);
    }

    private final ContextMenu menu = new ContextMenu();
    private final MapViewModel vm;
    private final MapCanvasView canvas;
    private final Shortcuts shortcuts;
    private final Runnable quickAdd;
    private final MethodItems methodItems;

    CanvasContextMenu(MapViewModel vm, MapCanvasView canvas, Shortcuts shortcuts, Runnable quickAdd,
                      MethodItems methodItems) {
        this.vm = vm;
        this.canvas = canvas;
        this.shortcuts = shortcuts;
        this.quickAdd = quickAdd;
        this.methodItems = methodItems;
        menu.setId("canvas-context-menu");
        canvas.canvas().setOnContextMenuRequested(e -> {
            show(vm.camera().toMapX(e.getX()), vm.camera().toMapY(e.getY()), e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /**
     * The context menu of the selected element (or of the middle of the view when nothing is selected), so that the
     * keyboard reaches everything the mouse does.
     */
    void showForSelection() {
        var cam = vm.camera();
        double mx = cam.toMapX(cam.viewWidth() / 2);
        double my = cam.toMapY(cam.viewHeight() / 2);
        for (String id : vm.selection().inOrder()) {
            Element e = vm.document().element(id);
            if (e == null) {
                continue;
            }
            if (e.isLink()) {
                Element s = vm.document().element(e.source());
                Element t = vm.document().element(e.target());
                mx = (s.geometry().centerX() + t.geometry().centerX()) / 2;
                my = (s.geometry().centerY() + t.geometry().centerY()) / 2;
            } else {
                mx = e.geometry().centerX();
                my = e.geometry().centerY();
            }
            break;
        }
        var p = canvas.canvas().localToScreen(cam.toScreenX(mx), cam.toScreenY(my));
        show(mx, my, p.getX(), p.getY());
    }

    private void show(double mx, double my, double screenX, double screenY) {
        menu.hide();
        menu.getItems().clear();
        var hit = vm.elementAt(mx, my);
        if (hit.isEmpty()) {
            item(menu, Ui.text("window.context.new-node") + "   " + Ui.text("window.context.double-click"),
                    () -> vm.labels().beginNewNode(mx, my));
            item(menu, withKey(Ui.text("window.context.quick-add"), "quick-add"), quickAdd);
            item(menu, withKey(Ui.text("window.context.paste"), "paste"), vm.clipboard()::paste);
            item(menu, withKey(Ui.text("window.context.layout"), "layout"), vm.edits()::autoLayout);
        } else {
            String id = hit.get();
            if (!vm.selection().contains(id)) {
                vm.selection().select(List.of(id));
            }
            Element el = vm.document().element(id);
            item(menu, withKey(Ui.text("window.context.rename"), "rename"), () -> vm.labels().beginLabelEdit(id));
            if (el.isLink()) {
                Words words = new Words(vm.template().orElse(null), vm.document());
                Menu types = new Menu(withKey(Ui.text("window.context.link-type"), "link-type"));
                for (String t : vm.linkTypeNames()) {
                    CheckMenuItem ti = new CheckMenuItem(words.type(t));
                    ti.setSelected(t.equals(el.type()));
                    ti.setOnAction(a -> vm.retypeSelectedLinks(t));
                    types.getItems().add(ti);
                }
                menu.getItems().add(types);
            }
            methodItems.add(menu, el);
            item(menu, withKey(Ui.text("window.context.duplicate"), "duplicate"), vm.clipboard()::duplicateSelection);
            item(menu, withKey(Ui.text("window.context.copy"), "copy"), vm.clipboard()::copySelection);
            item(menu, withKey(Ui.text("window.context.front"), "front"), vm.edits()::bringToFront);
            item(menu, withKey(Ui.text("window.context.back"), "back"), vm.edits()::sendToBack);
            item(menu, withKey(Ui.text("window.context.delete"), "delete"), vm.edits()::deleteSelection);
        }
        menu.show(canvas.canvas(), screenX, screenY);
    }

    /** An item's words and the key of the shortcut that does the same. */
    String withKey(String words, String shortcut) {
        return words + "   " + shortcuts.keyOf(shortcut);
    }

    static void item(ContextMenu menu, String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        menu.getItems().add(i);
    }
}
