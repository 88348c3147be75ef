package org.mapwork.model.schema;

import java.util.List;
import java.util.Objects;

/** A kind of node a method offers (e.g. Net-Map's {@code actor}, theory of change's {@code precondition}). */
public record NodeType(String name, List<AttributeDef> attributes) implements ElementType {
    public NodeType {
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
    }

    public static NodeType of(String name, AttributeDef... attributes) {
        return new NodeType(name, List.of(attributes));
    }
}
