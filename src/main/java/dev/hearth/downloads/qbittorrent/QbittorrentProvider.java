package dev.hearth.downloads.qbittorrent;

import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.clients.ClientSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import dev.hearth.platform.integration.IntegrationTarget;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Registers the {@code qbittorrent} integration. */
@Singleton
public class QbittorrentProvider implements IntegrationProvider {
    public static final String ID = "qbittorrent";
    private final HttpStack http;
    private final Clock clock;

    public QbittorrentProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return new IntegrationDescriptor(ID, "qBittorrent", Set.of(DownloadClient.class), List.of(
                new IntegrationDescriptor.Field("username", false, false, "Web UI user name (default admin)"),
                new IntegrationDescriptor.Field("password", false, true,
                        "Web UI password; leave empty only if qBittorrent skips authentication for Hearth's address")),
                this::create);
    }

    private QbittorrentClient create(IntegrationTarget target) {
        String password = target.credentials().getOrDefault("password", "");
        UpstreamSpec spec = ClientSpecs.of(target);
        if (!password.isEmpty()) {
            // 403 is qBittorrent's "no valid session": log in again once and repeat the call.
            spec = spec.withAuth(AuthStrategy.sessionCookie(
                    new QbittorrentLogin(ClientSpecs.credential(target, "username", "admin"), password),
                    r -> r.status() == 403));
        }
        return new QbittorrentClient(descriptor(), http.client(spec), clock, target.timeout());
    }
}
