package dev.hearth.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, so tests neither sleep-and-hope nor hang. */
public final class Await {

    private Await() {}

    /** Polls {@code value} until it is non-null or the deadline passes; then fails naming {@code what}. */
    public static <T> T until(Duration deadline, String what, Supplier<T> value) {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            T v = value.get();
            if (v != null) {
                return v;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out after " + deadline.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    public static void untilTrue(Duration deadline, String what, Supplier<Boolean> condition) {
        until(deadline, what, () -> condition.get() ? Boolean.TRUE : null);
    }
}
