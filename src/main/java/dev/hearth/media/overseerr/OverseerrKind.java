package dev.hearth.media.overseerr;

import dev.hearth.media.RequestManager;
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

/** The {@code overseerr} kind (Overseerr / Seerr / Jellyseerr), offering {@link RequestManager}. */
public final class OverseerrKind implements IntegrationKind<OverseerrSettings> {
    public static final String ID = "overseerr";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Overseerr / Seerr / Jellyseerr";
    }

    @Override
    public String documentation() {
        return "Overseerr, Seerr or Jellyseerr, e.g. http://127.0.0.1:5055; credentials api_key (Settings → General)";
    }

    @Override
    public String setup() {
        return """
                In Overseerr (or Seerr, Jellyseerr): Settings → General → API Key; give it as `api_key` and the address
                (port 5055). The key acts as Overseerr's admin: Hearth can list, approve and decline requests with it.
                """;
    }

    @Override
    public Class<OverseerrSettings> settings() {
        return OverseerrSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.of(RequestManager.class));
    }

    /** The address as users write it, also with the API's own path (/api/v1); a URL base (sub-path) is kept. */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "api/v1");
    }

    @Override
    public Integration create(IntegrationTarget<OverseerrSettings> target, KindContext context) {
        AuthStrategy auth =
                AuthStrategy.apiKeyHeader("X-Api-Key", target.settings().apiKey());
        return new OverseerrRequests(
                target.serviceName(),
                new OverseerrApi(context.http().client(MediaSpecs.of(target, auth))),
                context.clock());
    }
}
