package org.mapwork.templates;

import java.util.Objects;

/**
 * A small marker beside a node, e.g. a goal stance.
 *
 * @param text   a short text (one or two characters: "+", "−", "?") so meaning never rests on colour alone
 * @param colour background colour
 * @param title  what it means, e.g. "for: paid sick leave"
 * @param kind   what the marker is for, which decides where it is shown
 */
public record Badge(String text, String colour, String title, Kind kind) {

    /** What a badge is for. */
    public enum Kind {
        /** Part of the map's content (a goal stance, an owner): drawn on screen and in files. */
        MARK,
        /** A hint for whoever edits the map (an outcome still without indicators): drawn on screen only, never in files. */
        EDITOR_AID,
        /** The actor that is the map's own organisation ("This is us"): drawn on screen and in files. */
        OURS
    }

    public Badge {
        Objects.requireNonNull(kind, "kind");
    }

    /** A badge that is part of the map's content. */
    public Badge(String text, String colour, String title) {
        this(text, colour, title, Kind.MARK);
    }

    /** Whether this badge is drawn on the editor's canvas only. */
    public boolean editorAid() {
        return kind == Kind.EDITOR_AID;
    }
}
