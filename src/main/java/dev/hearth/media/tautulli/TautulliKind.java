package dev.hearth.media.tautulli;

import dev.hearth.media.MediaStats;
import dev.hearth.media.clients.MediaSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.integration.BaseUrls;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.util.Set;

/** The {@code tautulli} kind (Tautulli), offering {@link MediaStats}. */
public final class TautulliKind implements IntegrationKind<TautulliSettings> {
    public static final String ID = "tautulli";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Tautulli";
    }

    @Override
    public String documentation() {
        return "Tautulli, e.g. http://127.0.0.1:8181; credentials api_key (Settings → Web Interface → API)";
    }

    @Override
    public String setup() {
        return """
                In Tautulli: Settings → Web Interface → API: tick "Enable API", copy the API key, give it as `api_key`,
                and the address (port 8181), with its HTTP root if one is set.
                """;
    }

    @Override
    public Class<TautulliSettings> settings() {
        return TautulliSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.of(MediaStats.class));
    }

    /** The address as users write it, also with the API's own path (/api/v2); a URL base (sub-path) is kept. */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "api/v2");
    }

    @Override
    public Integration create(IntegrationTarget<TautulliSettings> target, KindContext context) {
        // Tautulli reads its key from the query only; the stack keeps queries out of every message.
        return new TautulliStats(
                target.serviceName(),
                new TautulliApi(
                        context.http().client(MediaSpecs.of(target, AuthStrategy.none())),
                        target.settings().apiKey()),
                context.clock());
    }
}
