package dev.hearth.downloads.clients;

import dev.hearth.platform.http.CircuitPolicy;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.IntegrationTarget;
import java.time.Duration;

/** The upstream settings every download client starts from. */
public final class ClientSpecs {

    private ClientSpecs() {}

    /**
     * The service's URL and timeout, no retries: downloads are polled every few seconds, so a failed
     * read is simply repeated by the next poll, and a dead daemon then fails within the configured
     * timeout instead of a multiple of it. The default circuit keeps a dead daemon from costing a
     * timeout per poll, and closes by itself once the daemon answers a trial call.
     */
    public static UpstreamSpec of(IntegrationTarget<?> target) {
        Duration timeout = target.timeout();
        Duration connect = timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2);
        return UpstreamSpec.of(target.serviceName(), target.url())
                .withTimeouts(connect, timeout)
                .withRetry(RetryPolicy.none())
                .withCircuit(CircuitPolicy.defaults());
    }
}
