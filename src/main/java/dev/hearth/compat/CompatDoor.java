package dev.hearth.compat;

import dev.hearth.platform.web.ErrorShape;

/**
 * One seed's door: where it answers, the shape of its errors there, and whether its clients read
 * {@code X-RateLimit-Reset} as an epoch second (MLTB) rather than Hearth's seconds-to-wait.
 */
public interface CompatDoor {
    String prefix();

    ErrorShape errors();

    default boolean epochRateLimitReset() {
        return false;
    }
}
