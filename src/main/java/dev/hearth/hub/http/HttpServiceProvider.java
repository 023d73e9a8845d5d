package dev.hearth.hub.http;

import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.CircuitPolicy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import dev.hearth.platform.integration.IntegrationTarget;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Registers the {@code http} integration: optional basic auth or API key header from the service's credentials. */
@Singleton
public class HttpServiceProvider implements IntegrationProvider {
    public static final String ID = "http";
    private final HttpStack http;
    private final Clock clock;
    private final IntegrationDescriptor descriptor;

    public HttpServiceProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
        this.descriptor = new IntegrationDescriptor(ID, "Any HTTP service", Set.of(), List.of(
                new IntegrationDescriptor.Field("username", false, false, "user for HTTP basic auth"),
                new IntegrationDescriptor.Field("password", false, true, "password for HTTP basic auth"),
                new IntegrationDescriptor.Field("api_key_header", false, false, "header that carries an API key, e.g. X-Api-Key"),
                new IntegrationDescriptor.Field("api_key", false, true, "the API key")),
                this::create);
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }

    private HttpServiceIntegration create(IntegrationTarget target) {
        var c = target.credentials();
        AuthStrategy auth = c.containsKey("username") ? AuthStrategy.basic(c.get("username"), c.getOrDefault("password", ""))
                : c.containsKey("api_key") ? AuthStrategy.apiKeyHeader(c.getOrDefault("api_key_header", "X-Api-Key"), c.get("api_key"))
                : AuthStrategy.none();
        // A health probe answers within its timeout and reports what it saw: one attempt, no circuit in between.
        UpstreamSpec spec = UpstreamSpec.of(target.serviceName(), target.url())
                .withTimeouts(Duration.ofMillis(Math.min(2000, target.timeout().toMillis())), target.timeout())
                .withRetry(RetryPolicy.none())
                .withCircuit(CircuitPolicy.disabled())
                .withAuth(auth);
        return new HttpServiceIntegration(descriptor, http.client(spec), clock);
    }
}
