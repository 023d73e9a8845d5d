package dev.hearth.downloads.aria2;

import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadRoots;
import dev.hearth.downloads.clients.ClientSpecs;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import dev.hearth.platform.integration.IntegrationTarget;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Registers the {@code aria2} integration; the service URL is the RPC listener (port 6800 by default). */
@Singleton
public class Aria2Provider implements IntegrationProvider {
    public static final String ID = "aria2";
    private final HttpStack http;
    private final Clock clock;
    private final ConfigService config;

    public Aria2Provider(HttpStack http, Clock clock, ConfigService config) {
        this.http = http;
        this.clock = clock;
        this.config = config;
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return new IntegrationDescriptor(ID, "aria2", Set.of(DownloadClient.class), List.of(
                new IntegrationDescriptor.Field("token", false, true, "aria2's --rpc-secret")),
                this::create);
    }

    private Aria2Client create(IntegrationTarget target) {
        // The secret travels in each call's parameters, not as an HTTP auth scheme.
        Aria2Rpc rpc = new Aria2Rpc(http.client(ClientSpecs.of(target)), target.credentials().getOrDefault("token", ""), clock);
        return new Aria2Client(descriptor(), rpc, clock, target.timeout(), () -> DownloadRoots.of(config.current()));
    }
}
