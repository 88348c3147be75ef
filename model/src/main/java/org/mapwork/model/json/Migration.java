package org.mapwork.model.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a native file of format version {@link #from()} into version {@code from() + 1}, on the JSON tree, before
 * it is read. Register each new step in {@link MapJsonReader#MIGRATIONS} when the format changes, so old files keep
 * opening.
 */
public interface Migration {

    /** The version this step reads. */
    int from();

    /** Rewrites {@code root} (version {@link #from()}) in place or returns a new tree of version {@code from() + 1}. */
    ObjectNode migrate(ObjectNode root);
}
