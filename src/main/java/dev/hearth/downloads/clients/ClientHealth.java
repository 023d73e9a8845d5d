package dev.hearth.downloads.clients;

import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.Health;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * One mapping from a probe call to {@link Health} for the four download clients, so a refused
 * password reads the same everywhere. The probe is one cheap authenticated read.
 */
public final class ClientHealth {

    private ClientHealth() {
    }

    /** Runs {@code probe} (it answers e.g. "qBittorrent v4.5.2") and never throws. */
    public static Health check(Clock clock, Supplier<String> probe) {
        long start = System.nanoTime();
        try {
            String what = probe.get();
            return Health.online(what, clock.instant(), millisSince(start));
        } catch (UpstreamException.AuthFailed e) {
            return Health.offline(Health.Detail.AUTH_ERROR, e.getMessage()
                    + "; fix the credentials of this service", clock.instant(), millisSince(start));
        } catch (UpstreamException.HttpStatus e) {
            Health.Detail detail = e.status() == 401 || e.status() == 403 ? Health.Detail.AUTH_ERROR : Health.Detail.COMMUNICATION_ERROR;
            return Health.offline(detail, e.getMessage(), clock.instant(), millisSince(start));
        } catch (UpstreamException e) {
            return Health.offline(Health.Detail.COMMUNICATION_ERROR, e.getMessage(), clock.instant(), millisSince(start));
        } catch (RuntimeException e) {
            // A health check never throws: an answer we cannot read is a communication problem.
            return Health.offline(Health.Detail.COMMUNICATION_ERROR, "unexpected answer: " + e.getClass().getSimpleName(),
                    clock.instant(), millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
