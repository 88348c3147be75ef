package org.mapwork.collab.net;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.mapwork.collab.Message;
import org.mapwork.collab.PresenceState;

/**
 * This device's presence on its way to the hub, coalesced: at most one every {@link HubClient#PRESENCE_EVERY}, the
 * latest state when the time comes. {@link HubClient}'s part for presence; used on the session thread only.
 */
final class PresenceOut {

    private final String actor;
    private final Executor sessionThread;
    private final ScheduledExecutorService timer;
    private PresenceState latest = PresenceState.NONE;
    /** Whether {@link #latest} still has to go out. */
    private boolean due;
    private boolean scheduled;
    private long sentAt = System.nanoTime() - HubClient.PRESENCE_EVERY.toNanos();
    private long sent;

    PresenceOut(String actor, Executor sessionThread, ScheduledExecutorService timer) {
        this.actor = actor;
        this.sessionThread = sessionThread;
        this.timer = timer;
    }

    /** A new state from the person; false when it is the one already given. */
    boolean set(PresenceState state) {
        if (state.equals(latest)) {
            return false;
        }
        latest = state;
        due = true;
        return true;
    }

    /** The latest state goes out again (after a welcome, or to a newcomer), unless it is empty. */
    void again() {
        due = !latest.isEmpty();
    }

    /** Whether there is anything to show others (a newcomer is sent it). */
    boolean isEmpty() {
        return latest.isEmpty();
    }

    /** How many presence messages went out. */
    long sent() {
        return sent;
    }

    /** A connection ended: nothing scheduled for it any more. */
    void connectionEnded() {
        scheduled = false;
    }

    /**
     * Sends the latest state through {@code send} if it is due and its time has come, or schedules {@code flushLater}
     * on the session thread for when it has, unless {@code stillCurrent} says the connection changed meanwhile.
     */
    void flush(boolean online, Consumer<Message> send, BooleanSupplier stillCurrent, Runnable flushLater) {
        if (!due || !online) {
            return;
        }
        long wait = sentAt + HubClient.PRESENCE_EVERY.toNanos() - System.nanoTime();
        if (wait <= 0) {
            due = false;
            sentAt = System.nanoTime();
            sent++;
            send.accept(new Message.Presence(actor, latest));
        } else if (!scheduled) {
            scheduled = true;
            timer.schedule(() -> sessionThread.execute(() -> {
                scheduled = false;
                if (stillCurrent.getAsBoolean()) {
                    flushLater.run();
                }
            }), wait, TimeUnit.NANOSECONDS);
        }
    }
}
