package org.mapwork.model.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mapwork.model.ElementKind;
import org.mapwork.model.Value;

/**
 * What a method allows on its maps: node, link and annotation types with their attributes, the map's own
 * attributes, and optionally link types defined per map. The concrete schemas live in the templates; this is the
 * mechanism every change and every file is checked against.
 */
public final class Schema {

    private final String methodId;
    private final Map<String, NodeType> nodeTypes;
    private final Map<String, LinkType> linkTypes;
    private final Map<String, AnnotationType> annotationTypes;
    private final Map<String, AttributeDef> mapAttributes;
    private final MapDefinedLinkTypes mapDefinedLinkTypes;
    /**
     * The last link-type rows asked about (an immutable value, compared by identity) and the link types they give.
     * Snapshots share that value until the rows change, so checking thousands of links (reading a file, replaying a
     * log) computes the map's link types once.
     */
    private volatile LinkTypesOf lastLinkTypes;

    private record LinkTypesOf(Value rows, Map<String, LinkType> linkTypes) {
    }

    private Schema(Builder b) {
        this.methodId = b.methodId;
        this.nodeTypes = Collections.unmodifiableMap(new LinkedHashMap<>(b.nodeTypes));
        this.linkTypes = Collections.unmodifiableMap(new LinkedHashMap<>(b.linkTypes));
        this.annotationTypes = Collections.unmodifiableMap(new LinkedHashMap<>(b.annotationTypes));
        LinkedHashMap<String, AttributeDef> mapAttrs = new LinkedHashMap<>(b.mapAttributes);
        if (b.mapDefinedLinkTypes != null) {
            mapAttrs.putIfAbsent(b.mapDefinedLinkTypes.mapAttribute(), b.mapDefinedLinkTypes.attributeDef());
        }
        this.mapAttributes = Collections.unmodifiableMap(mapAttrs);
        this.mapDefinedLinkTypes = b.mapDefinedLinkTypes;
    }

    public static Builder builder(String methodId) {
        return new Builder(methodId);
    }

    public String methodId() {
        return methodId;
    }

    /** Node types in declaration order. */
    public Map<String, NodeType> nodeTypes() {
        return nodeTypes;
    }

    /** Link types fixed by the method, in declaration order (see also {@link #linkTypesOf(Map)}). */
    public Map<String, LinkType> linkTypes() {
        return linkTypes;
    }

    public Map<String, AnnotationType> annotationTypes() {
        return annotationTypes;
    }

    /** Attributes of the map itself (framing question, narrative, goals, ...). */
    public Map<String, AttributeDef> mapAttributes() {
        return mapAttributes;
    }

    /** How this method lets each map define its own link types, or {@code null}. */
    public MapDefinedLinkTypes mapDefinedLinkTypes() {
        return mapDefinedLinkTypes;
    }

    /** All link types usable in a map with these map attributes: the fixed ones and the map's own. */
    public Map<String, LinkType> linkTypesOf(Map<String, Value> mapAttributeValues) {
        if (mapDefinedLinkTypes == null) {
            return linkTypes;
        }
        Value rowsValue = mapAttributeValues.get(mapDefinedLinkTypes.mapAttribute());
        LinkTypesOf last = lastLinkTypes;
        if (last != null && last.rows() == rowsValue) {
            return last.linkTypes();
        }
        Map<String, LinkType> all = new LinkedHashMap<>(linkTypes);
        if (rowsValue instanceof Value.Rows rows) {
            for (Map<String, Value> row : rows.rows()) {
                if (row.get("id") instanceof Value.Text id) {
                    boolean directed = !(row.get("directed") instanceof Value.Bool d) || d.value();
                    all.putIfAbsent(id.value(), mapDefinedLinkTypes.prototype().named(id.value(), directed));
                }
            }
        }
        Map<String, LinkType> result = Collections.unmodifiableMap(all);
        lastLinkTypes = new LinkTypesOf(rowsValue, result);
        return result;
    }

    /** The type of the given kind and name in a map with these map attributes, or {@code null}. */
    public ElementType type(ElementKind kind, String name, Map<String, Value> mapAttributeValues) {
        return switch (kind) {
            case NODE -> nodeTypes.get(name);
            case LINK -> linkTypesOf(mapAttributeValues).get(name);
            case ANNOTATION -> annotationTypes.get(name);
        };
    }

    /** Names of the types of a kind, for "known: ..." in messages. */
    public List<String> typeNames(ElementKind kind, Map<String, Value> mapAttributeValues) {
        return switch (kind) {
            case NODE -> new ArrayList<>(nodeTypes.keySet());
            case LINK -> new ArrayList<>(linkTypesOf(mapAttributeValues).keySet());
            case ANNOTATION -> new ArrayList<>(annotationTypes.keySet());
        };
    }

    @Override
    public String toString() {
        return "Schema[" + methodId + "]";
    }

    /** Builds a schema; the standard annotation types are included unless replaced. */
    public static final class Builder {
        private final String methodId;
        private final Map<String, NodeType> nodeTypes = new LinkedHashMap<>();
        private final Map<String, LinkType> linkTypes = new LinkedHashMap<>();
        private final Map<String, AnnotationType> annotationTypes = new LinkedHashMap<>();
        private final Map<String, AttributeDef> mapAttributes = new LinkedHashMap<>();
        private MapDefinedLinkTypes mapDefinedLinkTypes;

        private Builder(String methodId) {
            this.methodId = Objects.requireNonNull(methodId, "methodId");
            AnnotationType.standard().forEach(this::annotation);
        }

        public Builder node(NodeType type) {
            nodeTypes.put(type.name(), type);
            return this;
        }

        public Builder link(LinkType type) {
            linkTypes.put(type.name(), type);
            return this;
        }

        public Builder annotation(AnnotationType type) {
            annotationTypes.put(type.name(), type);
            return this;
        }

        public Builder mapAttribute(AttributeDef def) {
            mapAttributes.put(def.name(), def);
            return this;
        }

        public Builder mapDefinedLinkTypes(MapDefinedLinkTypes def) {
            this.mapDefinedLinkTypes = def;
            return this;
        }

        public Schema build() {
            return new Schema(this);
        }
    }
}
