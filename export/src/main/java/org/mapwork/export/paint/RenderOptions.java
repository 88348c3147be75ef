package org.mapwork.export.paint;

import java.awt.Color;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.mapwork.templates.Badge;

/**
 * How a map is drawn beyond its content.
 *
 * @param legend         draw the legend of the types and colours used (right of the map)
 * @param titleBlock     draw the title block (title, method, date, team) above the map
 * @param selected       ids of elements to highlight (the editor's selection)
 * @param background     colour filled behind the drawn area, or {@code null} for none (transparent)
 * @param levelOfDetail  skip text too small to read and simplify tiny nodes (for the screen; files keep everything)
 * @param date           the date shown in the title block, or {@code null} for the map's creation date
 * @param team           the team shown in the title block, or {@code null} for the map's {@code team} attribute if any
 * @param hidden         ids of elements left out (the editor draws the elements of a gesture in progress apart)
 * @param editorAids     draw the badges that are hints for whoever edits the map ({@link Badge.Kind#EDITOR_AID}, e.g. an
 *                       outcome's "I?"): on the editor's canvas, never in a file
 */
public record RenderOptions(boolean legend, boolean titleBlock, Set<String> selected, Color background,
                            boolean levelOfDetail, LocalDate date, String team, Set<String> hidden,
                            boolean editorAids) {

    public RenderOptions {
        selected = Set.copyOf(Objects.requireNonNull(selected, "selected"));
        hidden = Set.copyOf(Objects.requireNonNull(hidden, "hidden"));
    }

    /** The editor's canvas: no legend, no title block, no background, level of detail on, editor aids drawn. */
    public static RenderOptions screen(Set<String> selected) {
        return new RenderOptions(false, false, selected, null, true, null, null, Set.of(), true);
    }

    /** A file: legend and title block, white background, all content drawn, no editor aids. */
    public static RenderOptions file() {
        return new RenderOptions(true, true, Set.of(), Color.WHITE, false, null, null, Set.of(), false);
    }

    public RenderOptions withLegend(boolean on) {
        return new RenderOptions(on, titleBlock, selected, background, levelOfDetail, date, team, hidden, editorAids);
    }

    public RenderOptions withTitleBlock(boolean on) {
        return new RenderOptions(legend, on, selected, background, levelOfDetail, date, team, hidden, editorAids);
    }

    public RenderOptions withSelected(Set<String> ids) {
        return new RenderOptions(legend, titleBlock, ids, background, levelOfDetail, date, team, hidden, editorAids);
    }

    public RenderOptions withBackground(Color colour) {
        return new RenderOptions(legend, titleBlock, selected, colour, levelOfDetail, date, team, hidden, editorAids);
    }

    public RenderOptions withDate(LocalDate d) {
        return new RenderOptions(legend, titleBlock, selected, background, levelOfDetail, d, team, hidden, editorAids);
    }

    public RenderOptions withHidden(Set<String> ids) {
        return new RenderOptions(legend, titleBlock, selected, background, levelOfDetail, date, team, ids, editorAids);
    }

    public RenderOptions withEditorAids(boolean on) {
        return new RenderOptions(legend, titleBlock, selected, background, levelOfDetail, date, team, hidden, on);
    }

    public RenderOptions withTeam(String t) {
        return new RenderOptions(legend, titleBlock, selected, background, levelOfDetail, date, t, hidden, editorAids);
    }
}
