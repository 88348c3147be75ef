package org.mapwork.editor.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.Shortcuts;

/** The map window's menu bar, printed from the shortcut table, so every entry names its key and none can go stale. */
final class WindowMenus {

    private WindowMenus() {
    }

    static MenuBar bar(Shortcuts shortcuts, Shortcuts.WindowActions window) {
        Map<String, Menu> byGroup = new LinkedHashMap<>();
        for (String g : List.of(Ui.text("keys.group.file"), Ui.text("keys.group.edit"), Ui.text("keys.group.view"),
                Ui.text("keys.group.arrange"), Ui.text("keys.group.tools"), Ui.text("keys.group.method"))) {
            byGroup.put(g, new Menu(g));
        }
        for (Shortcuts.Shortcut s : shortcuts.menuEntries()) {
            if (s.id().equals("panels")) {
                continue; // the View menu's tick box below is F11's one entry
            }
            Menu m = byGroup.computeIfAbsent(s.group(), Menu::new);
            MenuItem item = new MenuItem(Shortcuts.menuLabel(s));
            item.setOnAction(e -> s.action().run());
            m.getItems().add(item);
        }
        CheckMenuItem panels = new CheckMenuItem(Ui.text("window.menu.show-panels") + "   " + shortcuts.keyOf("panels"));
        panels.setSelected(true);
        panels.setOnAction(e -> window.togglePanels());
        Menu view = byGroup.get(Ui.text("keys.group.view"));
        view.getItems().addAll(new SeparatorMenuItem(), panels);
        view.setOnShowing(e -> panels.setSelected(window.panelsShown()));
        Menu help = new Menu(Ui.text("window.menu.help"));
        MenuItem sheet = new MenuItem(Ui.text("window.menu.shortcuts") + "   " + shortcuts.keyOf("sheet"));
        sheet.setOnAction(e -> window.showShortcuts());
        help.getItems().add(sheet);
        MenuBar bar = new MenuBar();
        bar.getMenus().addAll(byGroup.values());
        bar.getMenus().add(help);
        return bar;
    }
}
