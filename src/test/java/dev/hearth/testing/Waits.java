package dev.hearth.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting on a condition with a deadline; the failure says what was last seen. */
public final class Waits {

    private Waits() {}

    /**
     * Calls {@code probe} until its value passes {@code done}; a probe that throws counts as "not yet".
     * Answers the passing value.
     */
    public static <T> T until(String what, Duration within, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        Object last = "nothing";
        while (true) {
            try {
                T value = probe.get();
                if (done.test(value)) {
                    return value;
                }
                last = value;
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + within + "; last seen: " + last);
            }
            pause(Duration.ofMillis(100));
        }
    }

    public static void until(String what, Duration within, java.util.function.BooleanSupplier condition) {
        until(what, within, condition::getAsBoolean, b -> b);
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
