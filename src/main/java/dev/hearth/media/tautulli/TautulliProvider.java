package dev.hearth.media.tautulli;

import dev.hearth.media.MediaStats;
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

/** Registers the {@code tautulli} integration. */
@Singleton
public class TautulliProvider implements IntegrationProvider {
    public static final String ID = "tautulli";
    private final HttpStack http;
    private final Clock clock;
    private final IntegrationDescriptor descriptor;

    public TautulliProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
        this.descriptor = new IntegrationDescriptor(ID, "Tautulli", Set.of(MediaStats.class), List.of(
                new IntegrationDescriptor.Field("api_key", true, true, "Tautulli's API key (Settings → Web Interface → API)")),
                this::create);
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return descriptor;
    }

    private TautulliStats create(IntegrationTarget target) {
        Credential key = Credential.required(target, "api_key", "Tautulli shows it in Settings → Web Interface → API");
        return new TautulliStats(descriptor, target.serviceName(),
                new TautulliApi(http.client(MediaSpecs.of(target, AuthStrategy.none())), key.value()), key, clock);
    }
}
