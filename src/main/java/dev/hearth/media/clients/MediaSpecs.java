package dev.hearth.media.clients;

import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.CircuitPolicy;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.IntegrationTarget;
import java.time.Duration;

/** The upstream settings every media client starts from. */
public final class MediaSpecs {

    /**
     * One retry for idempotent calls: the *arr apps and media servers restart for updates and a page
     * read during the restart should not fail for it. The stack never retries a POST (add, approve,
     * command), so nothing is done twice. Worst case for a hung upstream: two timeouts, then the
     * circuit answers at once.
     */
    static final RetryPolicy RETRY = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(500));

    private MediaSpecs() {}

    public static UpstreamSpec of(IntegrationTarget<?> target, AuthStrategy auth) {
        Duration timeout = target.timeout();
        Duration connect = timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2);
        return UpstreamSpec.of(target.serviceName(), target.url())
                .withTimeouts(connect, timeout)
                .withRetry(RETRY)
                .withCircuit(CircuitPolicy.defaults())
                .withAuth(auth)
                .withHeader("Accept", "application/json");
    }
}
