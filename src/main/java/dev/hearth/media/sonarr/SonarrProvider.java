package dev.hearth.media.sonarr;

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

/** Registers the {@code sonarr} integration. */
@Singleton
public class SonarrProvider implements IntegrationProvider {
    public static final String ID = "sonarr";
    private final HttpStack http;
    private final Clock clock;
    private final IntegrationDescriptor descriptor;

    public SonarrProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
        this.descriptor = new IntegrationDescriptor(ID, "Sonarr", Set.of(MediaManager.class), List.of(
                new IntegrationDescriptor.Field("api_key", true, true, "Sonarr's API key (Settings → General → Security)")),
                this::create);
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }

    private SonarrManager create(IntegrationTarget target) {
        Credential key = Credential.required(target, "api_key", "Sonarr shows it in Settings → General → Security");
        AuthStrategy auth = key.present() ? AuthStrategy.apiKeyHeader("X-Api-Key", key.value()) : AuthStrategy.none();
        return new SonarrManager(descriptor, target.serviceName(),
                new ArrApi(http.client(MediaSpecs.of(target, auth)), "series", "includeSeries"), key, clock);
    }
}
