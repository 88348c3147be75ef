package org.mapwork.model;

/** Writes {@link Change#describe()}'s line for each kind of change. */
final class ChangeDescription implements Change.Visitor<String> {

    static final ChangeDescription INSTANCE = new ChangeDescription();

    private ChangeDescription() {
    }

    @Override
    public String visit(Change.AddElement a) {
        return "add " + a.element().kind().jsonName() + " " + a.element().type() + " " + a.element().id()
                + (a.element().label().isEmpty() ? "" : " " + quote(a.element().label()));
    }

    @Override
    public String visit(Change.RemoveElement r) {
        return "remove " + r.elementId()
                + (r.links().isEmpty() ? "" : " and its " + r.links().size() + " link(s)");
    }

    @Override
    public String visit(Change.SetLabel s) {
        return "set label of " + s.elementId() + " to " + quote(s.value());
    }

    @Override
    public String visit(Change.SetType s) {
        return "set type of " + s.elementId() + " to " + s.value();
    }

    @Override
    public String visit(Change.SetAttribute s) {
        return s.value() == null ? "unset " + s.name() + " of " + s.elementId()
                : "set " + s.name() + " of " + s.elementId() + " to " + s.value().describe();
    }

    @Override
    public String visit(Change.SetGeometry s) {
        return "move/resize " + s.elementId();
    }

    @Override
    public String visit(Change.SetStyle s) {
        return "restyle " + s.elementId();
    }

    @Override
    public String visit(Change.SetOrder s) {
        return "reorder " + s.elementId();
    }

    @Override
    public String visit(Change.SetEndpoints s) {
        return "reconnect " + s.elementId() + " " + s.source() + " → " + s.target();
    }

    @Override
    public String visit(Change.SetTitle s) {
        return "set title to " + quote(s.value());
    }

    @Override
    public String visit(Change.SetMapAttribute s) {
        return s.value() == null ? "unset map " + s.name()
                : "set map " + s.name() + " to " + s.value().describe();
    }

    private static String quote(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return '"' + (oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine) + '"';
    }
}
