package org.mapwork.templates;

/**
 * A small marker beside a node, e.g. a goal stance.
 *
 * @param text   a short text (one or two characters: "+", "−", "?") so meaning never rests on colour alone
 * @param colour background colour
 * @param title  what it means, e.g. "for: paid sick leave"
 */
public record Badge(String text, String colour, String title) {
}
