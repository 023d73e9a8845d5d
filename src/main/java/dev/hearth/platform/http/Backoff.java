package dev.hearth.platform.http;

import java.time.Duration;

/** The pause before a retry: exponential, capped, with "equal jitter" (half fixed, half random). */
final class Backoff {

    private Backoff() {}

    /**
     * @param retry  1 for the pause before the first retry
     * @param random uniform in [0, 1); the fixed half keeps retries from hammering, the random
     *               half keeps many callers from retrying in step
     */
    static Duration before(RetryPolicy policy, int retry, double random) {
        long initial = policy.initialBackoff().toNanos();
        long cap = policy.maxBackoff().toNanos();
        long exponential = initial;
        for (int i = 1; i < retry && exponential < cap; i++) {
            exponential = exponential > cap / 2 ? cap : exponential * 2;
        }
        long capped = Math.min(exponential, cap);
        long half = capped / 2;
        return Duration.ofNanos(half + (long) (random * (capped - half)));
    }
}
