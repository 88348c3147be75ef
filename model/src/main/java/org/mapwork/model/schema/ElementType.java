package org.mapwork.model.schema;

import java.util.List;

/** What node, link and annotation types share: a name and the attributes they carry. */
public sealed interface ElementType permits NodeType, LinkType, AnnotationType {
    String name();

    List<AttributeDef> attributes();

    default AttributeDef attribute(String attributeName) {
        for (AttributeDef a : attributes()) {
            if (a.name().equals(attributeName)) {
                return a;
            }
        }
        return null;
    }
}
