package dev.hearth.services.docker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes a connection when time runs out. Unix-domain channels have no read timeout, so a watchdog
 * is the one mechanism that bounds every call on both transports: closing the connection makes the
 * blocked read fail at once. Costs one sleeping virtual thread per call.
 */
final class Deadline implements AutoCloseable {

    private static final int ACTIVE = 0;
    private static final int CANCELLED = 1;
    private static final int FIRED = 2;

    private final AtomicInteger state = new AtomicInteger(ACTIVE);
    private final Thread watchdog;

    private Deadline(Duration limit, Connection connection) {
        this.watchdog = Thread.ofVirtual().name("docker-deadline").start(() -> {
            try {
                Thread.sleep(limit);
                // Only one of "fire" and "cancel" wins, so a finished call never loses its connection.
                if (state.compareAndSet(ACTIVE, FIRED)) {
                    connection.close();
                }
            } catch (InterruptedException cancelled) {
                // The call finished in time.
            }
        });
    }

    static Deadline start(Duration limit, Connection connection) {
        return new Deadline(limit, connection);
    }

    boolean fired() {
        return state.get() == FIRED;
    }

    /** Cancels the watchdog, keeping the connection open; false if it had already fired. */
    boolean cancel() {
        boolean cancelled = state.compareAndSet(ACTIVE, CANCELLED);
        watchdog.interrupt();
        return cancelled;
    }

    @Override
    public void close() {
        cancel();
    }
}
