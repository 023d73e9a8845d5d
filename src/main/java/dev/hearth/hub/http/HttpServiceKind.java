package dev.hearth.hub.http;

import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.CircuitPolicy;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/** The {@code http} kind, every service's default: health by asking its URL, exactly as written. */
public final class HttpServiceKind implements IntegrationKind<HttpSettings> {
    public static final String ID = "http";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Any HTTP service";
    }

    @Override
    public String documentation() {
        return "any service with a URL, e.g. http://127.0.0.1:8096/health: below 400 is online, 401/403 refused credentials;"
                + " credentials username and password (basic auth), or api_key in api_key_header";
    }

    @Override
    public Class<HttpSettings> settings() {
        return HttpSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public Integration create(IntegrationTarget<HttpSettings> target, KindContext context) {
        HttpSettings s = target.settings();
        AuthStrategy auth = !s.username().isEmpty()
                ? AuthStrategy.basic(s.username(), s.password())
                : !s.apiKey().isEmpty() ? AuthStrategy.apiKeyHeader(s.apiKeyHeader(), s.apiKey()) : AuthStrategy.none();
        // The URL is asked as written: the base ends at its last '/', the rest is the request's path (and query).
        String url = target.url().toString();
        int q = url.indexOf('?');
        int cut = url.lastIndexOf('/', q < 0 ? url.length() - 1 : q);
        boolean hostOnly = cut < url.indexOf("://") + 3;
        URI base = URI.create(hostOnly ? url : url.substring(0, cut + 1));
        String path = hostOnly ? "" : url.substring(cut + 1);
        // A health probe answers within its timeout and reports what it saw: one attempt, no circuit in between.
        UpstreamSpec spec = UpstreamSpec.of(target.serviceName(), base)
                .withTimeouts(Duration.ofMillis(Math.min(2000, target.timeout().toMillis())), target.timeout())
                .withRetry(RetryPolicy.none())
                .withCircuit(CircuitPolicy.disabled())
                .withAuth(auth);
        return new HttpServiceIntegration(context.http().client(spec), path, context.clock());
    }
}
