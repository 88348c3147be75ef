package org.mapwork.model;

/**
 * A change set was refused whole; the document is as it was. The message names the change, the element and the
 * property, and what was expected, e.g.
 * {@code change 2 (attributes.influence of n-4): expected an integer ≥ 0, got -1}.
 */
public final class ChangeRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int changeIndex;
    private final String elementId;
    private final String property;
    private final String problem;

    public ChangeRejected(int changeIndex, String elementId, String property, String problem) {
        super(format(changeIndex, elementId, property, problem));
        this.changeIndex = changeIndex;
        this.elementId = elementId;
        this.property = property;
        this.problem = problem;
    }

    private static String format(int index, String elementId, String property, String problem) {
        String where = elementId == null ? property : property + " of " + elementId;
        return "change " + index + " (" + where + "): " + problem;
    }

    /** Index of the offending change within its change set. */
    public int changeIndex() {
        return changeIndex;
    }

    /** The element concerned, or {@code null} for a map-level change. */
    public String elementId() {
        return elementId;
    }

    /** The property concerned, as in {@link Change#property()}. */
    public String property() {
        return property;
    }

    /** What was wrong, without the location. */
    public String problem() {
        return problem;
    }
}
