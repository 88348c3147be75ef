package org.mapwork.model.schema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Finds the schema of a method by its id ({@code net-map}, {@code theory-of-change}, ...). */
public interface SchemaRegistry {

    Optional<Schema> schema(String methodId);

    /** The method ids this registry knows, for messages. */
    Collection<String> methodIds();

    /** A registry of the given schemas. */
    static SchemaRegistry of(Schema... schemas) {
        Map<String, Schema> byId = new LinkedHashMap<>();
        for (Schema s : schemas) {
            byId.put(s.methodId(), s);
        }
        return new SchemaRegistry() {
            @Override
            public Optional<Schema> schema(String methodId) {
                return Optional.ofNullable(byId.get(methodId));
            }

            @Override
            public Collection<String> methodIds() {
                return byId.keySet();
            }
        };
    }
}
