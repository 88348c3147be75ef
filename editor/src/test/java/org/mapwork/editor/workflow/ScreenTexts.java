package org.mapwork.editor.workflow;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Every text a window shows a person, with where it sits: window titles, the texts of labelled controls (buttons,
 * labels, cells, check boxes, titled panes), prompt texts, tooltips, accessible texts, the items of menu bars, menu
 * buttons and context menus (submenus too, opened or not), tab and table column headers, the choices of choice and
 * combo boxes, and text nodes of their own. Hidden nodes count too: a tab not chosen now is chosen later.
 * Call on the FX thread.
 */
final class ScreenTexts {

    /** One text and the path of the node (or menu item, or window) that shows it. */
    record Seen(String path, String text) {
    }

    private final List<Seen> seen = new ArrayList<>();

    List<Seen> seen() {
        return seen;
    }

    /** Collects the texts of every window showing now. */
    ScreenTexts windows() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.isShowing()) {
                window(w);
            }
        }
        return this;
    }

    ScreenTexts window(Window w) {
        String path = w.getClass().getSimpleName();
        if (w instanceof Stage s) {
            path += "[" + s.getTitle() + "]";
            add(path + " title", s.getTitle());
        }
        if (w instanceof ContextMenu menu) {
            items(menu.getItems(), path + (menu.getId() == null ? "" : "#" + menu.getId()));
        }
        if (w.getScene() != null && w.getScene().getRoot() != null) {
            node(w.getScene().getRoot(), path, false);
        }
        return this;
    }

    private void node(Node n, String parentPath, boolean insideText) {
        String path = parentPath + " > " + n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
        boolean textOwner = insideText;
        if (n instanceof Labeled l) {
            add(path, l.getText());
            textOwner = true;
        }
        if (n instanceof TextInputControl t) {
            add(path + " [text]", t.getText());
            add(path + " [prompt]", t.getPromptText());
            textOwner = true;
        }
        if (n instanceof Text t && !insideText) {
            add(path, t.getText());
        }
        add(path + " [accessible]", n.getAccessibleText());
        if (n instanceof Control c) {
            tooltip(c.getTooltip(), path);
            if (c.getContextMenu() != null) {
                items(c.getContextMenu().getItems(), path + " [context menu]");
            }
        }
        if (n instanceof MenuBar bar) {
            for (Menu m : bar.getMenus()) {
                item(m, path);
            }
        }
        if (n instanceof MenuButton button) {
            items(button.getItems(), path);
        }
        if (n instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                String tabPath = path + " > Tab";
                add(tabPath, t.getText());
                tooltip(t.getTooltip(), tabPath);
                if (t.getContent() != null) {
                    node(t.getContent(), tabPath, false);
                }
            }
        }
        if (n instanceof TableView<?> table) {
            columns(table.getColumns(), path);
        }
        if (n instanceof TreeTableView<?> table) {
            columns(table.getColumns(), path);
        }
        if (n instanceof ChoiceBox<?> box) {
            choices(box.getItems(), box.getConverter(), path);
        }
        if (n instanceof ComboBox<?> box) {
            choices(box.getItems(), box.getConverter(), path);
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                node(child, path, textOwner);
            }
        }
    }

    private void tooltip(Tooltip t, String path) {
        if (t != null) {
            add(path + " [tooltip]", t.getText());
        }
    }

    private void items(List<MenuItem> items, String path) {
        for (MenuItem i : items) {
            item(i, path);
        }
    }

    private void item(MenuItem i, String parentPath) {
        String path = parentPath + " > " + i.getClass().getSimpleName() + (i.getId() == null ? "" : "#" + i.getId());
        add(path, i.getText());
        if (i instanceof Menu m) {
            items(m.getItems(), path);
        }
        if (i instanceof CustomMenuItem c && c.getContent() != null) {
            node(c.getContent(), path, false);
        }
    }

    private void columns(List<? extends TableColumnBase<?, ?>> columns, String path) {
        for (TableColumnBase<?, ?> c : columns) {
            add(path + " > column", c.getText());
            columns(c.getColumns(), path + " > column");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void choices(List<?> items, StringConverter converter, String path) {
        for (Object item : items) {
            add(path + " [choice]", converter == null ? String.valueOf(item) : converter.toString(item));
        }
    }

    private void add(String path, String text) {
        if (text != null && !text.isBlank()) {
            seen.add(new Seen(path, text));
        }
    }
}
