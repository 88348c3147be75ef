package org.mapwork.model.schema;

import java.util.List;
import java.util.Objects;

/**
 * Link types that each map defines for itself (Net-Map: "formal authority", "funding", ...), listed as the rows of
 * a map attribute with the columns {@code id}, {@code label}, {@code colour} and {@code directed}. Every row becomes a
 * link type named by its id, shaped like {@code prototype} (endpoints and attributes).
 */
public record MapDefinedLinkTypes(String mapAttribute, LinkType prototype) {

    public MapDefinedLinkTypes {
        Objects.requireNonNull(mapAttribute, "mapAttribute");
        Objects.requireNonNull(prototype, "prototype");
    }

    /** The map attribute that holds the link type rows. */
    public AttributeDef attributeDef() {
        return AttributeDef.rows(mapAttribute, List.of(
                AttributeDef.text("id").asRequired(),
                AttributeDef.text("label"),
                AttributeDef.text("colour"),
                AttributeDef.bool("directed")));
    }
}
