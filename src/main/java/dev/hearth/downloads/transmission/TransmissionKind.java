package dev.hearth.downloads.transmission;

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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/** The {@code transmission} kind: Transmission's RPC (3.00 to 4.x); labels, where a category goes, from 4.0. */
public final class TransmissionKind implements IntegrationKind<TransmissionSettings> {
    public static final String ID = "transmission";
    private static final String SESSION_HEADER = "X-Transmission-Session-Id";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Transmission";
    }

    @Override
    public String documentation() {
        return "transmission-daemon's RPC, as http://127.0.0.1:9091 or …/transmission/rpc or …/transmission/web/; credentials username and password";
    }

    @Override
    public Class<TransmissionSettings> settings() {
        return TransmissionSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(DownloadCapability.of(Feature.TORRENTS, Feature.REMOVES_DATA, Feature.PEERS, Feature.HASH_IDS));
    }

    /** The daemon's address, also as its clients write it: with {@code /transmission/rpc} or the web UI's {@code /transmission/web/}. */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "transmission/rpc", "transmission/web", "transmission");
    }

    @Override
    public Integration create(IntegrationTarget<TransmissionSettings> target, KindContext context) {
        // The 409 exchange is the client's auth strategy; an upstream holds one strategy, so basic
        // auth, when configured, goes as a default header. Header values never appear in toString or logs.
        UpstreamSpec spec = ClientSpecs.of(target).withAuth(AuthStrategy.sessionHeader(SESSION_HEADER, 409));
        TransmissionSettings s = target.settings();
        if (!s.username().isBlank()) {
            String pair = s.username() + ":" + s.password();
            spec = spec.withHeader(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return new TransmissionClient(new TransmissionRpc(context.http().client(spec)), context.clock());
    }
}
