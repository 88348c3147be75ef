package org.mapwork.model.schema;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A kind of link.
 *
 * @param directed    whether the link points from source to target (otherwise it is mutual)
 * @param sourceTypes node types allowed at the source; empty means any node type
 * @param targetTypes node types allowed at the target; empty means any node type
 */
public record LinkType(String name, boolean directed, Set<String> sourceTypes, Set<String> targetTypes,
                       List<AttributeDef> attributes) implements ElementType {
    public LinkType {
        Objects.requireNonNull(name, "name");
        // sorted, so messages and equality do not depend on hash order
        sourceTypes = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(sourceTypes));
        targetTypes = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(targetTypes));
        attributes = List.copyOf(attributes);
    }

    /** A link type joining any two nodes. */
    public static LinkType any(String name, boolean directed, AttributeDef... attributes) {
        return new LinkType(name, directed, Set.of(), Set.of(), List.of(attributes));
    }

    public LinkType named(String newName, boolean newDirected) {
        return new LinkType(newName, newDirected, sourceTypes, targetTypes, attributes);
    }

    public boolean allows(String sourceType, String targetType) {
        return (sourceTypes.isEmpty() || sourceTypes.contains(sourceType))
                && (targetTypes.isEmpty() || targetTypes.contains(targetType));
    }
}
