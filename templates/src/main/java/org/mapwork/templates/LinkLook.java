package org.mapwork.templates;

/**
 * How one link is drawn.
 *
 * @param colour   stroke colour (from a colour-blind-safe palette)
 * @param directed whether it has an arrowhead at the target
 * @param dash     a dash pattern name: {@code solid}, {@code dashed} or {@code dotted}, so type is not carried by colour alone
 * @param width    stroke width in map units
 * @param typeLabel the link type's display name, for the legend and tooltips
 */
public record LinkLook(String colour, boolean directed, String dash, double width, String typeLabel) {
}
