package dev.hearth.media.clients;

import dev.hearth.platform.config.Problems;

/**
 * The check every media kind's settings make of the credential its upstream cannot be asked without: a
 * service without it is refused where it is configured (hearth.yml at start, the services API at run time),
 * naming the key and where the upstream shows it, and its upstream is never asked.
 */
public final class RequiredKey {
    private RequiredKey() {}

    /** {@code whereToFind} completes "required: …", e.g. "Sonarr shows it in Settings → General → Security". */
    public static void check(Problems problems, String key, String value, String whereToFind) {
        problems.check(!value.isBlank(), key, "required: " + whereToFind);
    }
}
