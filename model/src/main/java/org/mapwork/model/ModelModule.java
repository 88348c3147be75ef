package org.mapwork.model;

/**
 * Names the model module. It exists so that the module has at least one class for its
 * ArchUnit layering test to check (ArchUnit refuses rules over an empty set of classes);
 * remove it once the module has real classes.
 */
public final class ModelModule {
    /** The module's folder name. */
    public static final String NAME = "model";

    private ModelModule() {
    }
}
