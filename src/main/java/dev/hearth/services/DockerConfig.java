package dev.hearth.services;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.RestartRequired;
import dev.hearth.platform.config.Validated;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The Docker engines Hearth watches, each by name; services and discovery refer to them by that name. */
@RestartRequired
public record DockerConfig(List<Endpoint> endpoints, String traefikApi, Duration discoveryInterval)
        implements Validated {
    public DockerConfig {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        traefikApi = traefikApi == null ? "" : traefikApi;
        discoveryInterval = discoveryInterval == null ? Duration.ofMinutes(5) : discoveryInterval;
    }

    /**
     * One engine: {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}; with {@code tls_cert_path}
     * (a directory of ca.pem, cert.pem, key.pem, as DOCKER_CERT_PATH) tcp connections use mutual TLS.
     */
    public record Endpoint(String name, String host, String tlsCertPath, Duration timeout) {
        public Endpoint {
            tlsCertPath = tlsCertPath == null ? "" : tlsCertPath;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    public List<String> names() {
        return endpoints.stream().map(Endpoint::name).toList();
    }

    @Override
    public void validate(Problems p) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get(i);
            Problems at = p.at("endpoints[" + i + "]");
            if (e.name() == null || !e.name().matches("[a-z0-9][a-z0-9_-]{0,62}")) {
                at.add("name", "must be lower-case letters, digits, - or _ (got '" + e.name() + "')");
            } else if (!names.add(e.name())) {
                at.add("name", "'" + e.name() + "' is used twice");
            }
            String host = e.host() == null ? "" : e.host();
            at.check(
                    host.startsWith("unix://") || host.startsWith("tcp://"),
                    "host",
                    "must be unix:///path/to/docker.sock or tcp://host:port (got '" + host + "')");
            at.positive(e.timeout(), "timeout");
        }
        if (!traefikApi.isEmpty()) {
            boolean ok;
            try {
                URI u = URI.create(traefikApi);
                ok = u.getHost() != null && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()));
            } catch (RuntimeException ex) {
                ok = false;
            }
            p.check(ok, "traefik_api", "'" + traefikApi + "' is not an http:// or https:// URL");
        }
        p.positive(discoveryInterval, "discovery_interval");
    }
}
