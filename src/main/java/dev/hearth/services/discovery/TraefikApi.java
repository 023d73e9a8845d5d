package dev.hearth.services.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads Traefik's router list, {@code GET /api/http/routers}, through the one HTTP stack. */
public final class TraefikApi {
    private final UpstreamClient client;
    private final ObjectMapper json;

    public TraefikApi(HttpStack http, URI base, ObjectMapper json) {
        this.client = http.client(UpstreamSpec.of("traefik", base)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetry(RetryPolicy.none()));
        this.json = json;
    }

    public List<TraefikRouter> routers() {
        List<TraefikRouter> out = new ArrayList<>();
        for (JsonNode n : client.getJson("/api/http/routers")) {
            out.add(new TraefikRouter(
                    n.path("name").asText(),
                    n.path("rule").asText(),
                    n.path("service").asText(),
                    n.path("provider").asText(),
                    n.has("tls")));
        }
        return out;
    }
}
