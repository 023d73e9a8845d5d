package dev.hearth.hub.http;

import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamResponse;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;

/**
 * Health by URL: any answer below 400 is ONLINE (a login page is a live service), 401/403 means our
 * credentials are refused, anything else or no answer is OFFLINE with the reason.
 */
final class HttpServiceIntegration implements Integration {
    private final UpstreamClient client;
    private final String path;
    private final Clock clock;

    HttpServiceIntegration(UpstreamClient client, String path, Clock clock) {
        this.client = client;
        this.path = path;
        this.clock = clock;
    }

    @Override
    public Reading poll() {
        return Reading.of(checkHealth());
    }

    private Health checkHealth() {
        long start = System.nanoTime();
        try {
            UpstreamResponse response = client.get(path);
            long ms = (System.nanoTime() - start) / 1_000_000;
            int status = response.status();
            if (status < 400) {
                return Health.online("HTTP " + status, clock.instant(), ms);
            }
            if (status == 401 || status == 403) {
                return Health.offline(
                        Health.Detail.AUTH_ERROR, "HTTP " + status + ": credentials refused", clock.instant(), ms);
            }
            return Health.offline(Health.Detail.COMMUNICATION_ERROR, "HTTP " + status, clock.instant(), ms);
        } catch (UpstreamException e) {
            return HealthProbe.failed(clock, e, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
