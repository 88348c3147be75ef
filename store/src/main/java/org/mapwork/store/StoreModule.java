package org.mapwork.store;

/**
 * Names the store module. It exists so that the module has at least one class for its
 * ArchUnit layering test to check (ArchUnit refuses rules over an empty set of classes);
 * remove it once the module has real classes.
 */
public final class StoreModule {
    /** The module's folder name. */
    public static final String NAME = "store";

    private StoreModule() {
    }
}
