package dev.hearth.media.radarr;

import dev.hearth.media.MediaManager;
import dev.hearth.media.arr.ArrApi;
import dev.hearth.media.clients.Credential;
import dev.hearth.media.clients.MediaSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import dev.hearth.platform.integration.IntegrationTarget;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Registers the {@code radarr} integration. */
@Singleton
public class RadarrProvider implements IntegrationProvider {
    public static final String ID = "radarr";
    private final HttpStack http;
    private final Clock clock;
    private final IntegrationDescriptor descriptor;

    public RadarrProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
        this.descriptor = new IntegrationDescriptor(ID, "Radarr", Set.of(MediaManager.class), List.of(
                new IntegrationDescriptor.Field("api_key", true, true, "Radarr's API key (Settings → General → Security)")),
                this::create);
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }

    private RadarrManager create(IntegrationTarget target) {
        Credential key = Credential.required(target, "api_key", "Radarr shows it in Settings → General → Security");
        AuthStrategy auth = key.present() ? AuthStrategy.apiKeyHeader("X-Api-Key", key.value()) : AuthStrategy.none();
        return new RadarrManager(descriptor, target.serviceName(),
                new ArrApi(http.client(MediaSpecs.of(target, auth)), "movie", "includeMovie"), key, clock);
    }
}
