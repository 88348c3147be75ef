package org.mapwork.editor.panels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mapwork.editor.map.Words;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;

/**
 * The properties panel's state: the one selected element (or, with nothing or several selected, the map itself),
 * its label, type and attributes as the schema defines them. Edits go through the map view model, one undo step each.
 */
public final class PropertiesViewModel {

    private final MapViewModel map;

    public PropertiesViewModel(MapViewModel map) {
        this.map = map;
    }

    /** The element shown, or null when the panel shows the map's own properties. */
    public Element subject() {
        if (map.selection().size() != 1) {
            return null;
        }
        return map.document().element(map.selection().iterator().next());
    }

    public String label() {
        Element e = subject();
        return e == null ? map.document().title() : e.label();
    }

    public void setLabel(String text) {
        setLabel(subject() == null ? null : subject().id(), text);
    }

    /**
     * Renames the element the panel was built for ({@code null}: the map's title), whatever is selected by now: a
     * field commits when it loses the focus, which may be to a click that selects something else.
     */
    public void setLabel(String elementId, String text) {
        Element e = elementId == null ? null : map.document().element(elementId);
        if (elementId != null && e == null) {
            return; // removed meanwhile
        }
        String t = text == null ? "" : text.strip();
        if (e == null) {
            if (!t.isEmpty()) {
                map.edits().setTitle(t);
            }
        } else if (!e.label().equals(t)) {
            map.apply(Ui.text("panels.properties.rename", map.labelOf(e.id())), List.of(Change.setLabel(e.id(), t)));
        }
    }

    /** The types the subject may take (same kind), for the type chooser; empty for the map. */
    public List<String> types() {
        Element e = subject();
        if (e == null) {
            return List.of();
        }
        return map.schema().typeNames(e.kind(), map.document().mapAttributes());
    }

    public void setType(String type) {
        Element e = subject();
        if (e != null && !e.type().equals(type)) {
            String typeName = new Words(map.template().orElse(null), map.document()).type(type);
            map.apply(Ui.text("panels.properties.change-type", map.labelOf(e.id()), typeName),
                    List.of(Change.setType(e.id(), type)));
        }
    }

    /** The attributes the subject may carry, in the schema's order. */
    public List<AttributeDef> attributes() {
        Element e = subject();
        if (e == null) {
            return new ArrayList<>(map.schema().mapAttributes().values());
        }
        ElementType t = map.schema().type(e.kind(), e.type(), map.document().mapAttributes());
        return t == null ? List.of() : t.attributes();
    }

    public Value value(String name) {
        Element e = subject();
        return e == null ? map.document().mapAttribute(name) : e.attribute(name);
    }

    /** An attribute's value now, of an element ({@code null}: of the map); null when unset or the element is gone. */
    public Value value(String elementId, String name) {
        if (elementId == null) {
            return map.document().mapAttribute(name);
        }
        Element e = map.document().element(elementId);
        return e == null ? null : e.attribute(name);
    }

    /** Options of an enum or multi-enum attribute, including those the map defines (goals). */
    public List<String> options(AttributeDef def) {
        return def.optionsIn(map.document().mapAttributes());
    }

    public Map<String, Value> mapAttributes() {
        return map.document().mapAttributes();
    }

    /** Sets (or with null, clears) one attribute of the subject. */
    public boolean set(String name, Value value) {
        Element e = subject();
        return set(e == null ? null : e.id(), name, value);
    }

    /** Sets one attribute of an element ({@code null}: of the map), the one the panel's field was made for. */
    public boolean set(String elementId, String name, Value value) {
        if (elementId == null) {
            return map.edits().setMapAttribute(name, value);
        }
        return map.document().contains(elementId) && map.edits().setAttribute(elementId, name, value);
    }
}
