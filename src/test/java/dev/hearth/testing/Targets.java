package dev.hearth.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** What a download-client test builds its client from. */
public final class Targets {

    /**
     * Every client under test gets this timeout (the stack's default); the dead-daemon tests assert
     * against it. Two cores shared with other test runs make a tighter one flaky.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Targets() {
    }

    public static HttpStack stack() {
        return new HttpStack(new ObjectMapper(), Clock.systemUTC());
    }

    public static IntegrationTarget target(String name, URI url, Map<String, String> credentials) {
        return new IntegrationTarget(name, url, credentials, TIMEOUT);
    }
}
