package org.mapwork.editor.panels;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;

import org.mapwork.editor.map.Words;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.model.Element;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;

/**
 * The properties panel: one editor per attribute type — a stepper for integers (the influence tower), check boxes
 * for goals and other multi-choices, a chooser for enums, a date picker, rows with a field per column for
 * indicators — for the selected element or, with nothing selected, for the map. Each committed edit is one undo step.
 */
public final class PropertiesView extends ScrollPane {

    private final PropertiesViewModel vm;
    private final MapViewModel map;
    private final VBox box = new VBox(8);
    private String shownFor = "\u0000";

    public PropertiesView(MapViewModel map) {
        this.map = map;
        this.vm = new PropertiesViewModel(map);
        setId("properties");
        box.setPadding(new Insets(8));
        setContent(box);
        setFitToWidth(true);
        map.addListener(aspect -> {
            if (aspect == MapViewModel.Aspect.SELECTION) {
                rebuild();
            } else if (aspect == MapViewModel.Aspect.DOCUMENT && !editing()) {
                rebuild();
            }
        });
        rebuild();
    }

    /** Whether a text field of this panel has the focus: then a rebuild would swallow what is being typed. */
    private boolean editing() {
        return getScene() != null && getScene().getFocusOwner() instanceof TextInputControl t && isAncestorOf(t);
    }

    private boolean isAncestorOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == this) {
                return true;
            }
        }
        return false;
    }

    private void rebuild() {
        Element subject = vm.subject();
        shownFor = subject == null ? null : subject.id();
        Words words = new Words(map.template().orElse(null), map.document());
        box.getChildren().clear();

        Label heading = new Label(subject == null ? Ui.text("panels.properties.map") : words.type(subject.type()));
        heading.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        box.getChildren().add(heading);

        TextField label = new TextField(vm.label());
        label.setId("properties-label");
        label.setPromptText(subject == null ? Ui.text("panels.properties.title.prompt") : Ui.text("panels.properties.label"));
        String forId = shownFor;
        commitOnEnterOrLeave(label, () -> vm.setLabel(forId, label.getText()));
        box.getChildren().add(field(subject == null ? Ui.text("panels.properties.title") : Ui.text("panels.properties.label"), label));

        if (subject != null && vm.types().size() > 1) {
            ComboBox<String> type = new ComboBox<>();
            type.getItems().setAll(vm.types());
            type.setConverter(converter(words::type));
            type.setValue(subject.type());
            type.setOnAction(e -> vm.setType(type.getValue()));
            box.getChildren().add(field(Ui.text("panels.properties.type"), type));
        }
        // a line the method draws (the ceiling of accountability) is placed by dragging it, not by typing a position
        String dragged = subject != null ? null
                : map.template().flatMap(t -> t.line()).map(org.mapwork.templates.LineHandle::mapAttribute).orElse(null);
        for (AttributeDef def : vm.attributes()) {
            if (def.name().equals(dragged)) {
                continue;
            }
            // every field reads and writes the element it was made for, as it is when the field commits
            Supplier<Value> current = () -> vm.value(forId, def.name());
            Consumer<Value> set = v -> vm.set(forId, def.name(), v);
            Node editor = map.template().filter(t -> forId != null)
                    .flatMap(t -> t.references(map.document(), forId, def.name()))
                    .<Node>map(choices -> picker(def, choices, current, set))
                    .orElseGet(() -> editor(def, current, words, set));
            if (editor != null) {
                box.getChildren().add(field(words.attribute(def.name()), editor));
            }
        }
    }

    private static VBox field(String name, Node editor) {
        Label l = new Label(name);
        l.setLabelFor(editor);
        l.setStyle("-fx-text-fill: #444;");
        return new VBox(2, l, editor);
    }

    private static void commitOnEnterOrLeave(TextInputControl field, Runnable commit) {
        if (field instanceof TextField tf) {
            tf.setOnAction(e -> commit.run());
        }
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
    }

    /**
     * An editor for one attribute value; {@code current} gives the value as it is now (a commit compares with that,
     * not with the value the panel was built with), {@code set} receives the new value (null clears it).
     */
    Node editor(AttributeDef def, Supplier<Value> current, Words words, Consumer<Value> set) {
        Value value = current.get();
        switch (def.type()) {
            case TEXT -> {
                TextField f = new TextField(value instanceof Value.Text t ? t.value() : "");
                commitOnEnterOrLeave(f, () -> {
                    String s = f.getText().strip();
                    Value now = s.isEmpty() && !def.required() ? null : new Value.Text(s);
                    if (!java.util.Objects.equals(now, current.get())) {
                        set.accept(now);
                    }
                });
                return f;
            }
            case LONG_TEXT -> {
                TextArea a = new TextArea(value instanceof Value.Text t ? t.value() : "");
                a.setPrefRowCount(3);
                a.setWrapText(true);
                commitOnEnterOrLeave(a, () -> {
                    String s = a.getText().strip();
                    Value now = s.isEmpty() && !def.required() ? null : new Value.Text(s);
                    if (!java.util.Objects.equals(now, current.get())) {
                        set.accept(now);
                    }
                });
                return a;
            }
            case INTEGER -> {
                int min = def.min() == null ? -1_000_000 : def.min().intValue();
                int max = def.max() == null ? 1_000_000 : def.max().intValue();
                int start = value instanceof Value.Int i ? (int) i.value() : Math.max(min, 0);
                Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, start));
                s.setEditable(true);
                s.setId("stepper-" + def.name());
                s.valueProperty().addListener((o, a, b) -> {
                    if (b != null && !(current.get() instanceof Value.Int i && i.value() == b)) {
                        set.accept(new Value.Int(b));
                    }
                });
                Button clear = new Button("×");
                clear.setAccessibleText(Ui.text("panels.properties.clear", words.attribute(def.name())));
                clear.setOnAction(e -> set.accept(null));
                clear.setDisable(value == null || def.required());
                HBox row = new HBox(4, s, clear);
                if (value == null) {
                    row.getChildren().add(new Label(Ui.text("panels.properties.not-set")));
                }
                return row;
            }
            case DECIMAL -> {
                // decimals as the editor's language writes them (185,0 in Spanish), read back the same way
                java.text.DecimalFormat number = new java.text.DecimalFormat("0.0##",
                        java.text.DecimalFormatSymbols.getInstance(Ui.locale()));
                TextField f = new TextField(value instanceof Value.Decimal d ? number.format(d.value()) : "");
                commitOnEnterOrLeave(f, () -> {
                    String s = f.getText().strip();
                    if (s.isEmpty()) {
                        if (current.get() != null && !def.required()) {
                            set.accept(null);
                        }
                        return;
                    }
                    try {
                        java.text.ParsePosition at = new java.text.ParsePosition(0);
                        Number n = number.parse(s, at);
                        if (n == null || at.getIndex() != s.length()) {
                            throw new NumberFormatException(s);
                        }
                        Value now = new Value.Decimal(n.doubleValue());
                        if (!now.equals(current.get())) {
                            set.accept(now);
                        }
                    } catch (NumberFormatException ex) {
                        map.setStatus(Ui.text("panels.properties.not-a-number", s));
                    }
                });
                return f;
            }
            case BOOLEAN -> {
                CheckBox c = new CheckBox();
                c.setSelected(value instanceof Value.Bool b && b.value());
                c.setOnAction(e -> set.accept(new Value.Bool(c.isSelected())));
                return c;
            }
            case DATE -> {
                DatePicker d = new DatePicker(value instanceof Value.Date dt ? dt.value() : null);
                // dates as the editor's language writes them (the system's locale may differ)
                DateTimeFormatter shortDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(Ui.locale());
                d.setConverter(new LocalDateStringConverter(shortDate, shortDate));
                d.valueProperty().addListener((o, a, b) -> {
                    Value now = b == null ? null : new Value.Date(b);
                    if (!java.util.Objects.equals(now, current.get())) {
                        set.accept(now);
                    }
                });
                return d;
            }
            case ENUM -> {
                ComboBox<String> c = new ComboBox<>();
                List<String> options = new ArrayList<>(vm.options(def));
                if (!def.required()) {
                    options.add(0, "");
                }
                c.getItems().setAll(options);
                c.setConverter(converter(o -> o.isEmpty() ? "—" : words.option(def.name(), o)));
                c.setValue(value instanceof Value.Text t ? t.value() : "");
                c.setOnAction(e -> {
                    String v = c.getValue();
                    set.accept(v == null || v.isEmpty() ? null : new Value.Text(v));
                });
                return c;
            }
            case MULTI_ENUM -> {
                List<String> chosen = value instanceof Value.TextList l ? l.values() : List.of();
                Map<String, String> names = optionNames(def, words);
                // options the map defines (goals) are sentences with their stance at the end: one per line, wrapped,
                // so that the stance shows; the method's own short options flow side by side
                javafx.scene.layout.Pane pane = def.optionsFrom() != null ? new VBox(4) : new FlowPane(8, 4);
                for (Map.Entry<String, String> o : names.entrySet()) {
                    CheckBox c = new CheckBox(o.getValue());
                    if (def.optionsFrom() != null) {
                        c.setWrapText(true);
                        c.setMaxWidth(Double.MAX_VALUE);
                    }
                    c.setSelected(chosen.contains(o.getKey()));
                    c.setOnAction(e -> {
                        List<String> now = new ArrayList<>(current.get() instanceof Value.TextList l ? l.values() : List.of());
                        if (c.isSelected()) {
                            now.add(o.getKey());
                        } else {
                            now.remove(o.getKey());
                        }
                        set.accept(new Value.TextList(now));
                    });
                    pane.getChildren().add(c);
                }
                if (names.isEmpty()) {
                    pane.getChildren().add(new Label(def.optionsFrom() != null
                            ? Ui.text("panels.properties.none-defined", words.attribute(def.optionsFrom()))
                            : Ui.text("panels.properties.no-options")));
                }
                return pane;
            }
            case ROWS -> {
                return rowsEditor(def, current, words, set);
            }
        }
        return null;
    }

    /**
     * A picker of the elements an attribute may name (an intervention's "Acts on": outcomes and arrows), by the names
     * people know them by; the element's id is what is stored. A reference to something no longer there shows as such.
     */
    private Node picker(AttributeDef def, Map<String, String> choices, Supplier<Value> current, Consumer<Value> set) {
        ComboBox<String> c = new ComboBox<>();
        c.setId("pick-" + def.name());
        List<String> ids = new ArrayList<>();
        ids.add("");
        ids.addAll(choices.keySet());
        String now = current.get() instanceof Value.Text t ? t.value() : "";
        if (!now.isEmpty() && !choices.containsKey(now)) {
            ids.add(now);
        }
        c.getItems().setAll(ids);
        c.setConverter(converter(id -> id.isEmpty() ? "—"
                : choices.getOrDefault(id, Ui.text("panels.properties.reference-gone"))));
        c.setValue(now);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setOnAction(e -> {
            String v = c.getValue();
            Value chosen = v == null || v.isEmpty() ? null : new Value.Text(v);
            if (!java.util.Objects.equals(chosen, current.get())) {
                set.accept(chosen);
            }
        });
        return c;
    }

    /** Option ids with readable names; options defined on the map show their label and stance (goals). */
    private Map<String, String> optionNames(AttributeDef def, Words words) {
        Map<String, String> out = new LinkedHashMap<>();
        if (def.optionsFrom() != null && vm.mapAttributes().get(def.optionsFrom()) instanceof Value.Rows rows) {
            for (Map<String, Value> row : rows.rows()) {
                if (row.get("id") instanceof Value.Text id) {
                    String label = row.get("label") instanceof Value.Text l && !l.value().isBlank() ? l.value() : id.value();
                    String stance = row.get("stance") instanceof Value.Text s ? " (" + words.option("stance", s.value()) + ")" : "";
                    out.put(id.value(), label + stance);
                }
            }
            return out;
        }
        for (String o : vm.options(def)) {
            out.put(o, words.option(def.name(), o));
        }
        return out;
    }

    /**
     * Rows (e.g. indicators): each row a small grid of column editors with a remove button; an "Add" button. Every
     * column commits on Enter and when it loses the focus, into the rows as they are then: the panel is not rebuilt
     * while one of its fields has the focus, so the rows it was built with may already be out of date.
     */
    private Node rowsEditor(AttributeDef def, Supplier<Value> current, Words words, Consumer<Value> set) {
        VBox list = new VBox(6);
        List<Map<String, Value>> rows = rowsOf(current.get());
        for (int i = 0; i < rows.size(); i++) {
            int index = i;
            GridPane grid = new GridPane();
            grid.setHgap(4);
            grid.setVgap(2);
            grid.setStyle("-fx-border-color: #ddd; -fx-padding: 4;");
            int r = 0;
            for (AttributeDef col : def.columns()) {
                if (col.name().equals("id")) {
                    continue; // a row's id is made when the row is added: people name rows by their label
                }
                Supplier<Value> cell = () -> {
                    List<Map<String, Value>> now = rowsOf(current.get());
                    return index < now.size() ? now.get(index).get(col.name()) : null;
                };
                Node ed = editor(col, cell, words, v -> {
                    List<Map<String, Value>> copy = copyOf(rowsOf(current.get()));
                    if (index >= copy.size()) {
                        return; // the row was removed meanwhile
                    }
                    if (v == null) {
                        copy.get(index).remove(col.name());
                    } else {
                        copy.get(index).put(col.name(), v);
                    }
                    set.accept(new Value.Rows(copy));
                });
                if (ed != null) {
                    ed.setId("row-" + def.name() + "-" + i + "-" + col.name());
                    if (col.required() && ed instanceof TextField f) {
                        f.setPromptText(Ui.text("panels.properties.required"));
                    }
                    grid.add(new Label(words.attribute(col.name())), 0, r);
                    grid.add(ed, 1, r);
                    GridPane.setHgrow(ed, Priority.ALWAYS);
                    r++;
                }
            }
            Button remove = new Button(Ui.text("panels.properties.remove-row"));
            remove.setOnAction(e -> {
                List<Map<String, Value>> copy = copyOf(rowsOf(current.get()));
                if (index < copy.size()) {
                    copy.remove(index);
                    set.accept(new Value.Rows(copy));
                }
            });
            grid.add(remove, 1, r);
            list.getChildren().add(grid);
        }
        Button add = new Button(Ui.text("panels.properties.add-row", rowName(def, words)));
        add.setId("add-row-" + def.name());
        add.setOnAction(e -> {
            List<Map<String, Value>> copy = copyOf(rowsOf(current.get()));
            Map<String, Value> row = new LinkedHashMap<>();
            for (AttributeDef col : def.columns()) {
                if (col.required()) {
                    // a required text starts empty (its field asks for it): a placeholder would be taken for data
                    row.put(col.name(), col.name().equals("id")
                            ? new Value.Text(org.mapwork.model.Ids.newId("r"))
                            : col.type() == org.mapwork.model.schema.AttributeType.DATE
                            ? new Value.Date(LocalDate.now()) : new Value.Text(""));
                }
            }
            copy.add(row);
            set.accept(new Value.Rows(copy));
        });
        list.getChildren().add(add);
        return list;
    }

    private static List<Map<String, Value>> rowsOf(Value v) {
        return v instanceof Value.Rows r ? r.rows() : List.of();
    }

    private static List<Map<String, Value>> copyOf(List<Map<String, Value>> rows) {
        List<Map<String, Value>> copy = new ArrayList<>();
        for (Map<String, Value> row : rows) {
            copy.add(new LinkedHashMap<>(row));
        }
        return copy;
    }

    /**
     * What one row of a rows attribute is, for its Add button, in the editor's language (the button's own words
     * are): the method's {@code row.NAME} word ("goal", "objetivo"), else the attribute's name, lower case.
     */
    private String rowName(AttributeDef def, Words words) {
        var template = map.template();
        if (template.isPresent()) {
            try {
                var bundle = template.get().texts(Ui.locale());
                if (bundle.containsKey("row." + def.name())) {
                    return bundle.getString("row." + def.name());
                }
            } catch (java.util.MissingResourceException e) {
                // no words in this language: the attribute's name below
            }
        }
        return words.attribute(def.name()).toLowerCase(words.locale());
    }

    private static StringConverter<String> converter(java.util.function.Function<String, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : name.apply(s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    /** Which element the panel shows (null: the map); for tests. */
    public String shownFor() {
        return shownFor;
    }
}
