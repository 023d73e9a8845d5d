package dev.hearth.downloads.transmission;

import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.clients.ClientSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import dev.hearth.platform.integration.IntegrationTarget;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Registers the {@code transmission} integration. */
@Singleton
public class TransmissionProvider implements IntegrationProvider {
    public static final String ID = "transmission";
    private static final String SESSION_HEADER = "X-Transmission-Session-Id";
    private final HttpStack http;
    private final Clock clock;

    public TransmissionProvider(HttpStack http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public IntegrationDescriptor descriptor() {
        return new IntegrationDescriptor(ID, "Transmission", Set.of(DownloadClient.class), List.of(
                new IntegrationDescriptor.Field("username", false, false, "RPC user name, if rpc-authentication-required is on"),
                new IntegrationDescriptor.Field("password", false, true, "RPC password")),
                this::create);
    }

    private TransmissionClient create(IntegrationTarget target) {
        // The 409 exchange is the client's auth strategy; an upstream holds one strategy, so basic
        // auth, when configured, goes as a default header. Header values never appear in toString or logs.
        UpstreamSpec spec = ClientSpecs.of(target).withAuth(AuthStrategy.sessionHeader(SESSION_HEADER, 409));
        String user = target.credentials().getOrDefault("username", "");
        if (!user.isBlank()) {
            if (user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a Transmission user name cannot contain ':'");
            }
            String pair = user + ":" + target.credentials().getOrDefault("password", "");
            spec = spec.withHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return new TransmissionClient(descriptor(), new TransmissionRpc(http.client(spec)), clock);
    }
}
