package org.mapwork.editor.view;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Stage;

import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.MethodCommands;
import org.mapwork.model.Element;
import org.mapwork.templates.MethodAction;

/**
 * The window's side of a method's actions: their items in the canvas's context menu (each naming its key), the
 * short menus they offer beside an element (the Net-Map goals menu) and the questions they ask (a new goal's
 * words). Built from what the method returns; nothing here knows a method by name.
 */
final class MethodMenus implements MethodCommands.Prompts {

    private final Stage stage;
    private final MapViewModel vm;
    private final MapCanvasView canvas;

    MethodMenus(Stage stage, MapViewModel vm, MapCanvasView canvas) {
        this.stage = stage;
        this.vm = vm;
        this.canvas = canvas;
    }

    /** Adds the items of the method actions that apply to the selection, as "label   key". */
    void addItems(ContextMenu menu, MethodCommands commands) {
        for (MethodAction a : commands.forSelection()) {
            MenuItem i = new MenuItem(a.keys() == null ? a.label() : a.label() + "   " + a.keys().shown());
            i.setOnAction(e -> commands.run(a));
            menu.getItems().add(i);
        }
    }

    /** The choices as a menu just below the element's bottom-left corner; ticked choices as check items. */
    @Override
    public void choose(MethodAction.Choose choices, MethodCommands commands) {
        Element near = vm.document().element(choices.nearElement());
        if (near == null) {
            return;
        }
        ContextMenu menu = new ContextMenu();
        for (MethodAction.Choice c : choices.choices()) {
            MenuItem item;
            if (c.ticked() != null) {
                CheckMenuItem check = new CheckMenuItem(c.label());
                check.setSelected(c.ticked());
                item = check;
            } else {
                item = new MenuItem(c.label());
            }
            item.setOnAction(e -> commands.carryOut(c.chosen().apply(vm.document())));
            menu.getItems().add(item);
        }
        var g = near.geometry();
        var cam = vm.camera();
        var p = canvas.canvas().localToScreen(cam.toScreenX(g.x()), cam.toScreenY(g.y() + g.height()));
        menu.show(canvas.canvas(), p.getX(), p.getY());
    }

    @Override
    public void ask(MethodAction.Ask question, MethodCommands commands) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(stage);
        d.setTitle(question.title());
        d.setHeaderText(question.question());
        Dialogs.closeAfterTheEvent(d);
        d.showAndWait().ifPresent(text -> commands.carryOut(question.answered().apply(vm.document(), text)));
    }
}
