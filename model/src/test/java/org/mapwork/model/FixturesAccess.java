package org.mapwork.model;

import org.mapwork.model.schema.SchemaRegistry;

/** Lets tests in sub-packages use the package-private {@link Fixtures}. */
public final class FixturesAccess {
    private FixturesAccess() {
    }

    public static SchemaRegistry registry() {
        return Fixtures.REGISTRY;
    }
}
