package org.mapwork.editor.map;

import org.mapwork.model.ElementKind;

/**
 * A label being edited in place. {@code elementId} is null while a new node (or a new text) is being named: the
 * element is created with its label when the edit is committed, so naming it is one undo step and Escape leaves no
 * trace.
 *
 * @param elementId the element whose label is edited, or null for a new node
 * @param nodeType  the type of the new node (unused for existing elements)
 * @param x         map x of the editor's top-left corner
 * @param y         map y
 * @param width     width in map units
 * @param text      the text the editor starts with
 * @param linkTo    for a new node: a node the new one is linked to when it is created (a precondition's outcome), or null
 * @param linkType  the type of that link
 * @param kind      what a new element is: a node, or a text annotation (the text tool)
 */
public record LabelEdit(String elementId, String nodeType, double x, double y, double width, String text,
                        String linkTo, String linkType, ElementKind kind) {

    public LabelEdit(String elementId, String nodeType, double x, double y, double width, String text,
                     String linkTo, String linkType) {
        this(elementId, nodeType, x, y, width, text, linkTo, linkType, ElementKind.NODE);
    }

    public LabelEdit(String elementId, String nodeType, double x, double y, double width, String text) {
        this(elementId, nodeType, x, y, width, text, null, null);
    }

    public boolean isNewNode() {
        return elementId == null;
    }
}
