package dev.hearth.downloads.qbittorrent;

import dev.hearth.downloads.DownloadCapability;
import dev.hearth.downloads.DownloadCapability.Feature;
import dev.hearth.downloads.clients.ClientSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.BaseUrls;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.util.Set;

/** The {@code qbittorrent} kind: Web API v2 of qBittorrent 4.x and 5.x. */
public final class QbittorrentKind implements IntegrationKind<QbittorrentSettings> {
    public static final String ID = "qbittorrent";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "qBittorrent";
    }

    @Override
    public String documentation() {
        return "qBittorrent's Web UI (4.x and 5.x), e.g. http://127.0.0.1:8080; credentials username (default admin) and password";
    }

    @Override
    public Class<QbittorrentSettings> settings() {
        return QbittorrentSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(DownloadCapability.of(
                Feature.TORRENTS, Feature.CATEGORIES, Feature.REMOVES_DATA, Feature.PEERS, Feature.HASH_IDS));
    }

    /** The Web UI's address, also as written with its API path ({@code …/api/v2}). */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "api/v2");
    }

    @Override
    public Integration create(IntegrationTarget<QbittorrentSettings> target, KindContext context) {
        UpstreamSpec spec = ClientSpecs.of(target);
        if (!target.settings().password().isEmpty()) {
            // 403 is qBittorrent's "no valid session": log in again once and repeat the call.
            spec = spec.withAuth(AuthStrategy.sessionCookie(
                    new QbittorrentLogin(
                            target.settings().username(), target.settings().password()),
                    r -> r.status() == 403));
        }
        return new QbittorrentClient(context.http().client(spec), context.clock(), target.timeout());
    }
}
