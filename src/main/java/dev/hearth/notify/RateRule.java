package dev.hearth.notify;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * One published limit of an upstream. The sender queues until every rule allows a send; it never drops.
 * Times count from the end of the previous send, so the spacing holds where the upstream measures it too.
 */
public sealed interface RateRule {

    /** At least {@code gap} between two sends to one destination the predicate selects. */
    record Spacing(Duration gap, Predicate<String> destinations) implements RateRule {}

    /** At most {@code max} sends per {@code per} to each selected destination. */
    record PerDestination(int max, Duration per, Predicate<String> destinations) implements RateRule {}

    /** At most {@code max} sends per {@code per} over the whole channel. */
    record Overall(int max, Duration per) implements RateRule {}

    static Predicate<String> all() {
        return d -> true;
    }
}
