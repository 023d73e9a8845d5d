package dev.hearth.media.overseerr;

import dev.hearth.media.RequestManager;
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

/** Registers the {@code overseerr} integration (Overseerr, Seerr, Jellyseerr). */
@Singleton
public class OverseerrProvider implements IntegrationProvider {
    public static final String ID = "overseerr";
    private final HttpStack http;
    private final Clock clock;
    private final IntegrationDescriptor descriptor;

    public OverseerrProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
        this.descriptor = new IntegrationDescriptor(ID, "Overseerr / Seerr / Jellyseerr", Set.of(RequestManager.class), List.of(
                new IntegrationDescriptor.Field("api_key", true, true, "the API key from Settings → General")),
                this::create);
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }

    private OverseerrRequests create(IntegrationTarget target) {
        Credential key = Credential.required(target, "api_key", "Overseerr shows it in Settings → General");
        AuthStrategy auth = key.present() ? AuthStrategy.apiKeyHeader("X-Api-Key", key.value()) : AuthStrategy.none();
        return new OverseerrRequests(descriptor, target.serviceName(), new OverseerrApi(http.client(MediaSpecs.of(target, auth))), key, clock);
    }
}
