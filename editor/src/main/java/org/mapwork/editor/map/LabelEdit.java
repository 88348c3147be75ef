package org.mapwork.editor.map;

/**
 * A label being edited in place. {@code elementId} is null while a new node is being named: the node is created
 * with its label when the edit is committed, so naming a new node is one undo step and Escape leaves no trace.
 *
 * @param elementId the element whose label is edited, or null for a new node
 * @param nodeType  the type of the new node (unused for existing elements)
 * @param x         map x of the editor's top-left corner
 * @param y         map y
 * @param width     width in map units
 * @param text      the text the editor starts with
 * @param linkTo    for a new node: a node the new one is linked to when it is created (a precondition's outcome), or null
 * @param linkType  the type of that link
 */
public record LabelEdit(String elementId, String nodeType, double x, double y, double width, String text,
                        String linkTo, String linkType) {

    public LabelEdit(String elementId, String nodeType, double x, double y, double width, String text) {
        this(elementId, nodeType, x, y, width, text, null, null);
    }

    public boolean isNewNode() {
        return elementId == null;
    }
}
