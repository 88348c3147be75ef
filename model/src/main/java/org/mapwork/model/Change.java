package org.mapwork.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One atomic edit of a map. Changes are the only way a document changes. Every change knows its inverse, and
 * carries its author's {@link Stamp}, so one record serves undo, the library's change log, and merging per
 * element property between devices.
 *
 * <p>Drafts are made with the static factories (no old value, no stamp); applying them through a
 * {@link MapSession} or {@link ChangeEngine} yields the <em>applied</em> form, with the old values read off the
 * document, so that its inverse is exact.
 */
public sealed interface Change {

    Stamp stamp();

    Change withStamp(Stamp stamp);

    /** The element concerned, or {@code null} for changes to the map itself. */
    String elementId();

    /**
     * What this change writes, as a key for merging: {@code element} (add/remove), {@code label}, {@code type},
     * {@code attributes.NAME}, {@code geometry}, {@code style}, {@code order}, {@code endpoints},
     * {@code map.title}, {@code map.attributes.NAME}.
     */
    String property();

    /** The changes that undo this one (in order). */
    List<Change> inverse();

    /**
     * Calls the visitor's method for this change's kind. Every record implements it, so a new kind of change does not
     * compile until {@link Visitor} has a method for it, and then every visitor must handle it: no dispatch on the
     * kind of a change can miss one silently.
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of change: the one way to act on a change by its kind (apply it, describe it, write it to
     * the log). Java 17 has no pattern-matching switch over a sealed type, so this is how the compiler checks that
     * each dispatch handles every kind.
     */
    interface Visitor<R> {
        R visit(AddElement c);

        R visit(RemoveElement c);

        R visit(SetLabel c);

        R visit(SetType c);

        R visit(SetAttribute c);

        R visit(SetGeometry c);

        R visit(SetStyle c);

        R visit(SetOrder c);

        R visit(SetEndpoints c);

        R visit(SetTitle c);

        R visit(SetMapAttribute c);
    }

    /** One line for logs and revision lists, e.g. {@code set label of n-1 to "Employers"}. */
    default String describe() {
        return accept(ChangeDescription.INSTANCE);
    }

    // ----- drafts -----

    static AddElement add(Element element) {
        return new AddElement(element, Stamp.NONE);
    }

    static RemoveElement remove(String elementId) {
        return new RemoveElement(elementId, null, List.of(), Stamp.NONE);
    }

    static SetLabel setLabel(String elementId, String label) {
        return new SetLabel(elementId, label, null, Stamp.NONE);
    }

    static SetType setType(String elementId, String type) {
        return new SetType(elementId, type, null, Stamp.NONE);
    }

    /** Sets one attribute; a {@code null} value removes it. */
    static SetAttribute setAttribute(String elementId, String name, Value value) {
        return new SetAttribute(elementId, name, value, null, Stamp.NONE);
    }

    static SetGeometry setGeometry(String elementId, Geometry geometry) {
        return new SetGeometry(elementId, geometry, null, Stamp.NONE);
    }

    static SetStyle setStyle(String elementId, Style style) {
        return new SetStyle(elementId, style, null, Stamp.NONE);
    }

    static SetOrder setOrder(String elementId, String order) {
        return new SetOrder(elementId, order, null, Stamp.NONE);
    }

    static SetEndpoints setEndpoints(String linkId, String source, String target) {
        return new SetEndpoints(linkId, source, target, null, null, Stamp.NONE);
    }

    static SetTitle setTitle(String title) {
        return new SetTitle(title, null, Stamp.NONE);
    }

    /** Sets one attribute of the map itself; a {@code null} value removes it. */
    static SetMapAttribute setMapAttribute(String name, Value value) {
        return new SetMapAttribute(name, value, null, Stamp.NONE);
    }

    // ----- the records -----

    /** Adds one element. */
    record AddElement(Element element, Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public AddElement withStamp(Stamp s) {
            return new AddElement(element, s);
        }

        @Override
        public String elementId() {
            return element.id();
        }

        @Override
        public String property() {
            return "element";
        }

        @Override
        public List<Change> inverse() {
            return List.of(new RemoveElement(element.id(), element, List.of(), stamp));
        }
    }

    /**
     * Removes one element; a node takes its links with it. The applied form holds the removed element and links,
     * so undo restores them exactly.
     */
    record RemoveElement(String elementId, Element removed, List<Element> links, Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        public RemoveElement {
            links = links == null ? List.of() : List.copyOf(links);
        }

        @Override
        public RemoveElement withStamp(Stamp s) {
            return new RemoveElement(elementId, removed, links, s);
        }

        @Override
        public String property() {
            return "element";
        }

        @Override
        public List<Change> inverse() {
            if (removed == null) {
                throw new IllegalStateException("a draft removal of " + elementId + " has no inverse before it is applied");
            }
            List<Change> restore = new ArrayList<>(1 + links.size());
            restore.add(new AddElement(removed, stamp));
            for (Element link : links) {
                restore.add(new AddElement(link, stamp));
            }
            return restore;
        }
    }

    record SetLabel(String elementId, String value, String old, Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public SetLabel withStamp(Stamp s) {
            return new SetLabel(elementId, value, old, s);
        }

        @Override
        public String property() {
            return "label";
        }

        @Override
        public List<Change> inverse() {
            return List.of(new SetLabel(elementId, old, value, stamp));
        }
    }

    record SetType(String elementId, String value, String old, Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public SetType withStamp(Stamp s) {
            return new SetType(elementId, value, old, s);
        }

        @Override
        public String property() {
            return "type";
        }

        @Override
        public List<Change> inverse() {
            return List.of(new SetType(elementId, old, value, stamp));
        }
    }

    /** Sets ({@code value != null}) or removes ({@code value == null}) one attribute of one element. */
    record SetAttribute(String elementId, String name, Value value, Value old, Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public SetAttribute withStamp(Stamp s) {
            return new SetAttribute(elementId, name, value, old, s);
        }

        @Override
        public String property() {
            return "attributes." + name;
        }

        @Override
        public List<Change> inverse() {
            return List.of(new SetAttribute(elementId, name, old, value, stamp));
        }
    }

    record SetGeometry(String elementId, Geometry value, Geometry old, Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public SetGeometry withStamp(Stamp s) {
            return new SetGeometry(elementId, value, old, s);
        }

        @Override
        public String property() {
            return "geometry";
        }

        @Override
        public List<Change> inverse() {
            return List.of(new SetGeometry(elementId, old, value, stamp));
        }
    }

    record SetStyle(String elementId, Style value, Style old, Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public SetStyle withStamp(Stamp s) {
            return new SetStyle(elementId, value, old, s);
        }

        @Override
        public String property() {
            return "style";
        }

        @Override
        public List<Change> inverse() {
            return List.of(new SetStyle(elementId, old, value, stamp));
        }
    }

    record SetOrder(String elementId, String value, String old, Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public SetOrder withStamp(Stamp s) {
            return new SetOrder(elementId, value, old, s);
        }

        @Override
        public String property() {
            return "order";
        }

        @Override
        public List<Change> inverse() {
            return List.of(new SetOrder(elementId, old, value, stamp));
        }
    }

    /** Reconnects a link to other nodes. */
    record SetEndpoints(String elementId, String source, String target, String oldSource, String oldTarget,
                        Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public SetEndpoints withStamp(Stamp s) {
            return new SetEndpoints(elementId, source, target, oldSource, oldTarget, s);
        }

        @Override
        public String property() {
            return "endpoints";
        }

        @Override
        public List<Change> inverse() {
            return List.of(new SetEndpoints(elementId, oldSource, oldTarget, source, target, stamp));
        }
    }

    record SetTitle(String value, String old, Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public SetTitle withStamp(Stamp s) {
            return new SetTitle(value, old, s);
        }

        @Override
        public String elementId() {
            return null;
        }

        @Override
        public String property() {
            return "map.title";
        }

        @Override
        public List<Change> inverse() {
            return List.of(new SetTitle(old, value, stamp));
        }
    }

    /** Sets or removes one attribute of the map itself (framing question, goals, link types, narrative, ...). */
    record SetMapAttribute(String name, Value value, Value old, Stamp stamp) implements Change {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }

        @Override
        public SetMapAttribute withStamp(Stamp s) {
            return new SetMapAttribute(name, value, old, s);
        }

        @Override
        public String elementId() {
            return null;
        }

        @Override
        public String property() {
            return "map.attributes." + name;
        }

        @Override
        public List<Change> inverse() {
            return List.of(new SetMapAttribute(name, old, value, stamp));
        }
    }
}
