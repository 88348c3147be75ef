package org.mapwork.editor.map;

import org.mapwork.model.ElementKind;
import org.mapwork.templates.MethodAction;

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
 * @param naming    for a new node a method places (a precondition below its outcome): what the typed name becomes,
 *                  or null for a plain new node of {@code nodeType}
 * @param kind      what a new element is: a node, or a text annotation (the text tool)
 */
public record LabelEdit(String elementId, String nodeType, double x, double y, double width, String text,
                        MethodAction.Naming naming, ElementKind kind) {

    public LabelEdit(String elementId, String nodeType, double x, double y, double width, String text) {
        this(elementId, nodeType, x, y, width, text, null, ElementKind.NODE);
    }

    public boolean isNewNode() {
        return elementId == null;
    }
}
