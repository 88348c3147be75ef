package org.mapwork.collab.net;

import java.util.Objects;

/**
 * A device could not join a shared map; {@link #getMessage()} is a sentence a person can read ("The hub refused the
 * join token …"), {@link #reason()} what kind of failure it was, for the editor to offer the right next step.
 */
public final class JoinException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The hub is there but the token in the address or code is not the map's. */
        WRONG_TOKEN,
        /** Nothing answers at that address and port (refused, unreachable, timed out). */
        NO_HUB,
        /** A hub answers, but shares no map with that id. */
        NO_SUCH_MAP,
        /** The map uses a method this Mapwork does not know. */
        UNKNOWN_METHOD,
        /** The hub's answer could not be read (another program, another version, a damaged map). */
        BAD_ANSWER,
        /** The hub refused for another reason (protocol version, map too large); the message says which. */
        REFUSED
    }

    private final Reason reason;

    public JoinException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public JoinException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
