package org.mapwork.templates;

/**
 * One line of a legend.
 *
 * @param kind      what the swatch shows
 * @param label     the type's display name
 * @param colour    fill (nodes) or stroke (links) colour
 * @param shape     node shape name, for node entries
 * @param pictogram pictogram name, for pictogram entries
 * @param dash      dash pattern name, for link entries
 * @param directed  whether a link entry shows an arrowhead
 */
public record LegendEntry(Kind kind, String label, String colour, String shape, String pictogram, String dash, boolean directed) {

    public enum Kind { NODE, LINK, PICTOGRAM }
}
