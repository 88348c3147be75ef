package org.mapwork.templates;

/**
 * How one node is drawn.
 *
 * @param shape      shape name (see {@link org.mapwork.model.Style#SHAPES})
 * @param fill       fill colour
 * @param stroke     outline colour
 * @param textColour label colour (dark on light fills, light on dark)
 * @param pictogram  a pictogram name from {@link Pictograms}, or {@code null}
 * @param typeLabel  a short type name shown on the node when colour alone would carry meaning (may be {@code null})
 */
public record NodeLook(String shape, String fill, String stroke, String textColour, String pictogram, String typeLabel) {
}
