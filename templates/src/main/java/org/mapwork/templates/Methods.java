package org.mapwork.templates;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/** Every method Mapwork offers, in the order a start screen lists them. */
public final class Methods {

    private static final List<MethodTemplate> ALL = List.of(
            new org.mapwork.templates.problemtree.ProblemTreeTemplate(),
            new org.mapwork.templates.fishbone.FishboneTemplate(),
            new org.mapwork.templates.richpicture.RichPictureTemplate(),
            new org.mapwork.templates.netmap.NetMapTemplate(),
            new org.mapwork.templates.powerinterest.PowerInterestTemplate(),
            new org.mapwork.templates.toc.TheoryOfChangeTemplate(),
            new org.mapwork.templates.actionplan.ActionPlanTemplate());

    private Methods() {
    }

    public static List<MethodTemplate> all() {
        return ALL;
    }

    public static Optional<MethodTemplate> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
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
                return ALL.stream().map(MethodTemplate::id).toList();
            }
        };
    }
}
