package dev.hearth.media.radarr;

import dev.hearth.media.MediaManager;
import dev.hearth.media.arr.ArrApi;
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

/** The {@code radarr} kind (Radarr), offering {@link MediaManager}. */
public final class RadarrKind implements IntegrationKind<RadarrSettings> {
    public static final String ID = "radarr";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Radarr";
    }

    @Override
    public String documentation() {
        return "Radarr's API v3, e.g. http://127.0.0.1:7878 with its URL base if one is set; credentials api_key (Settings → General → Security)";
    }

    @Override
    public String setup() {
        return """
                In Radarr: Settings → General → Security → API Key; give it as `api_key`. Give the address with its URL
                base if one is set (e.g. `http://host:7878/radarr`); writing `…/api/v3` is fine too.
                """;
    }

    @Override
    public Class<RadarrSettings> settings() {
        return RadarrSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.of(MediaManager.class));
    }

    /** The address as users write it, also with the API's own path (/api/v3); a URL base (sub-path) is kept. */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "api/v3");
    }

    @Override
    public Integration create(IntegrationTarget<RadarrSettings> target, KindContext context) {
        AuthStrategy auth =
                AuthStrategy.apiKeyHeader("X-Api-Key", target.settings().apiKey());
        return new RadarrManager(
                target.serviceName(),
                ArrApi.v3(context.http().client(MediaSpecs.of(target, auth)), "movie", "includeMovie"),
                context.clock());
    }
}
