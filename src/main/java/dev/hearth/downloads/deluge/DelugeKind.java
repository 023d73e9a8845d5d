package dev.hearth.downloads.deluge;

import dev.hearth.downloads.DownloadCapability;
import dev.hearth.downloads.DownloadCapability.Feature;
import dev.hearth.downloads.clients.ClientSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.integration.BaseUrls;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.util.Set;

/** The {@code deluge} kind: deluge-web's JSON-RPC (port 8112 by default). A category is a Label-plugin label, when the plugin is on. */
public final class DelugeKind implements IntegrationKind<DelugeSettings> {
    public static final String ID = "deluge";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Deluge";
    }

    @Override
    public String documentation() {
        return "deluge-web, as http://127.0.0.1:8112 or http://127.0.0.1:8112/json; credentials password (deluge-web's)";
    }

    @Override
    public Class<DelugeSettings> settings() {
        return DelugeSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(DownloadCapability.of(Feature.TORRENTS, Feature.REMOVES_DATA, Feature.PEERS, Feature.HASH_IDS));
    }

    /** deluge-web's address, also as written with its RPC endpoint {@code /json}. */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "json");
    }

    @Override
    public Integration create(IntegrationTarget<DelugeSettings> target, KindContext context) {
        DelugeRpc rpc = new DelugeRpc();
        var spec = ClientSpecs.of(target)
                .withAuth(AuthStrategy.sessionCookie(
                        new DelugeLogin(rpc, target.settings().password()), DelugeRpc::sessionExpired));
        return new DelugeClient(context.http().client(spec), rpc, context.clock());
    }
}
