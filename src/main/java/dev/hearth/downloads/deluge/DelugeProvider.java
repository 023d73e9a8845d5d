package dev.hearth.downloads.deluge;

import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.clients.ClientSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import dev.hearth.platform.integration.IntegrationTarget;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Registers the {@code deluge} integration; the service URL is deluge-web's (port 8112 by default). */
@Singleton
public class DelugeProvider implements IntegrationProvider {
    public static final String ID = "deluge";
    private final HttpStack http;
    private final Clock clock;

    public DelugeProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return new IntegrationDescriptor(ID, "Deluge", Set.of(DownloadClient.class), List.of(
                new IntegrationDescriptor.Field("password", true, true, "deluge-web password ('deluge' until changed)")),
                this::create);
    }

    private DelugeClient create(IntegrationTarget target) {
        DelugeRpc rpc = new DelugeRpc();
        var spec = ClientSpecs.of(target).withAuth(AuthStrategy.sessionCookie(
                new DelugeLogin(rpc, ClientSpecs.credential(target, "password", "deluge")), DelugeRpc::sessionExpired));
        return new DelugeClient(descriptor(), http.client(spec), rpc, clock);
    }
}
