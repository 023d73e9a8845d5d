package dev.hearth.downloads.aria2;

import dev.hearth.downloads.DownloadCapability;
import dev.hearth.downloads.DownloadCapability.Feature;
import dev.hearth.downloads.DownloadRoots;
import dev.hearth.downloads.clients.ClientSpecs;
import dev.hearth.platform.integration.BaseUrls;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.util.Set;

/** The {@code aria2} kind: JSON-RPC on aria2's RPC listener (port 6800 by default); the one kind that fetches plain links. */
public final class Aria2Kind implements IntegrationKind<Aria2Settings> {
    public static final String ID = "aria2";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "aria2";
    }

    @Override
    public String documentation() {
        return "aria2's RPC listener, as http://127.0.0.1:6800 or http://127.0.0.1:6800/jsonrpc; credentials token (its --rpc-secret)";
    }

    @Override
    public Class<Aria2Settings> settings() {
        return Aria2Settings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(DownloadCapability.of(Feature.LINKS, Feature.TORRENTS, Feature.REMOVES_DATA, Feature.PEERS));
    }

    /** The listener's address, also as aria2's docs and its usual clients write it, with {@code /jsonrpc}. */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "jsonrpc");
    }

    @Override
    public Integration create(IntegrationTarget<Aria2Settings> target, KindContext context) {
        // The secret travels in each call's parameters, not as an HTTP auth scheme.
        Aria2Rpc rpc = new Aria2Rpc(
                context.http().client(ClientSpecs.of(target)), target.settings().token(), context.clock());
        // Hearth deletes aria2's files itself, so it judges them against the download roots as configured now.
        return new Aria2Client(
                rpc,
                context.clock(),
                target.timeout(),
                () -> DownloadRoots.of(context.config().get()));
    }
}
