package dev.hearth.platform.integration;

import dev.hearth.platform.http.UpstreamException;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The one mapping from a probe call, or a failure, to {@link Health}, shared by every integration and by
 * the poller, so a refused key reads the same everywhere. The probe is one cheap authenticated read that
 * answers what it reached (e.g. "qBittorrent v4.5.2", "Sonarr 4.0.9").
 */
public final class HealthProbe {

    private HealthProbe() {}

    /** Runs {@code probe} and never throws. */
    public static Health check(Clock clock, Supplier<String> probe) {
        long start = System.nanoTime();
        try {
            String what = probe.get();
            return Health.online(what, clock.instant(), millisSince(start));
        } catch (RuntimeException e) {
            return failed(clock, e, millisSince(start));
        }
    }

    /** What a failed call means for the service's health. */
    public static Health failed(Clock clock, RuntimeException failure, long latencyMs) {
        return switch (failure) {
            case UpstreamException.AuthFailed e ->
                Health.offline(
                        Health.Detail.AUTH_ERROR,
                        String.valueOf(e.getMessage()) + "; fix the credentials of this service",
                        clock.instant(),
                        latencyMs);
            case UpstreamException.HttpStatus e ->
                Health.offline(detailOf(e.status()), String.valueOf(e.getMessage()), clock.instant(), latencyMs);
            case UpstreamException e ->
                Health.offline(
                        Health.Detail.COMMUNICATION_ERROR, String.valueOf(e.getMessage()), clock.instant(), latencyMs);
            // A health check never throws: an answer we cannot read is a communication problem.
            default ->
                Health.offline(
                        Health.Detail.COMMUNICATION_ERROR,
                        "unexpected answer: " + failure.getClass().getSimpleName(),
                        clock.instant(),
                        latencyMs);
        };
    }

    /** OFFLINE with CONFIGURATION_ERROR, without asking the upstream: the settings cannot work as they are. */
    public static Health misconfigured(Clock clock, String whatToFix) {
        return Health.offline(Health.Detail.CONFIGURATION_ERROR, whatToFix, clock.instant(), 0);
    }

    /**
     * 401/403: the upstream refused our credentials. 404: the address reaches a web server but not this
     * API (a wrong port, or a reverse-proxy sub-path missing from the URL), which only a change of the
     * settings fixes. Anything else is the upstream failing.
     */
    private static Health.Detail detailOf(int status) {
        return switch (status) {
            case 401, 403 -> Health.Detail.AUTH_ERROR;
            case 404 -> Health.Detail.CONFIGURATION_ERROR;
            default -> Health.Detail.COMMUNICATION_ERROR;
        };
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
