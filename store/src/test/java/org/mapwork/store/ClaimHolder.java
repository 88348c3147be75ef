package org.mapwork.store;

/**
 * A hub node in a process of its own for {@link MapClaimsTest}: opens the server library ({@code args[0]}, the user
 * and password from its environment), claims the map {@code args[1]}, says "claimed", and holds it until killed.
 */
public final class ClaimHolder {

    private ClaimHolder() {
    }

    public static void main(String[] args) throws Exception {
        Library library = Library.open(ServerStore.parse(args[0], System.getenv(), null), TestMaps.SCHEMAS,
                Library.Options.defaults());
        System.out.println(library.claim(args[1]) ? "claimed" : "refused");
        Thread.sleep(60_000);
    }
}
