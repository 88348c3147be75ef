package org.mapwork.templates;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/** Every method Mapwork offers, in the order a start screen lists them. */
public final class Methods {

    /**
     * The templates, built when first asked for (holder idiom): building them takes a few hundred ms on a cold JVM,
     * and {@link #schemas()} is taken early (the command line's library command) by code that may never use it.
     */
    private static final class All {
        static final List<MethodTemplate> LIST = List.of(
                new org.mapwork.templates.problemtree.ProblemTreeTemplate(),
                new org.mapwork.templates.fishbone.FishboneTemplate(),
                new org.mapwork.templates.richpicture.RichPictureTemplate(),
                new org.mapwork.templates.netmap.NetMapTemplate(),
                new org.mapwork.templates.powerinterest.PowerInterestTemplate(),
                new org.mapwork.templates.toc.TheoryOfChangeTemplate(),
                new org.mapwork.templates.actionplan.ActionPlanTemplate());
    }

    private Methods() {
    }

    public static List<MethodTemplate> all() {
        return All.LIST;
    }

    public static Optional<MethodTemplate> byId(String id) {
        return All.LIST.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The schema of the method {@code id}, or {@code null}: the lookup a device joining a shared map is given. */
    public static Schema schemaOrNull(String id) {
        return byId(id).map(MethodTemplate::schema).orElse(null);
    }

    /** The schemas of all methods, for reading and checking maps. */
    public static SchemaRegistry schemas() {
        return new SchemaRegistry() {
            @Override
            public Optional<Schema> schema(String methodId) {
                return byId(methodId).map(MethodTemplate::schema);
            }

            @Override
            public Collection<String> methodIds() {
                return All.LIST.stream().map(MethodTemplate::id).toList();
            }
        };
    }
}
