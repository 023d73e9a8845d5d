package dev.hearth.hub;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Validated;
import java.time.Duration;
import java.util.List;

/**
 * The {@code hub} section: how API detection probes (its timeout per probe, how many probes at once, how long a
 * result is kept) and the proxy's bounds (its timeout, the largest answer it carries) and its per-service allow-lists
 * (Homepage's model: {@code "GET /api/v2/torrents/*"}; a service without one may be called on any path under its
 * base).
 */
public record HubConfig(
        Duration probeTimeout,
        int parallelProbes,
        Duration detectionCacheFor,
        Duration proxyTimeout,
        long proxyMaxResponseBytes,
        List<ProxyAllow> proxyAllow)
        implements Validated {

    /** One service's allow-list. */
    public record ProxyAllow(String service, List<String> rules) {
        public ProxyAllow {
            service = service == null ? "" : service.strip();
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    public HubConfig {
        proxyAllow = proxyAllow == null ? List.of() : List.copyOf(proxyAllow);
    }

    @Override
    public void validate(Problems p) {
        p.positive(probeTimeout, "probe_timeout");
        p.check(
                probeTimeout.compareTo(Duration.ofSeconds(30)) <= 0,
                "probe_timeout",
                "is at most 30s (a probe that waits longer only hides a dead service)");
        p.check(parallelProbes >= 1 && parallelProbes <= 512, "parallel_probes", "is between 1 and 512");
        p.positive(detectionCacheFor, "detection_cache_for");
        p.positive(proxyTimeout, "proxy_timeout");
        p.check(
                proxyMaxResponseBytes >= 1024 && proxyMaxResponseBytes <= 256L * 1024 * 1024,
                "proxy_max_response_bytes",
                "is between 1024 and 268435456");
        for (int i = 0; i < proxyAllow.size(); i++) {
            ProxyAllow a = proxyAllow.get(i);
            p.check(!a.service().isEmpty(), "proxy_allow[" + i + "].service", "is required");
            try {
                dev.hearth.hub.proxy.AllowList.parse(a.rules());
            } catch (IllegalArgumentException e) {
                p.add("proxy_allow[" + i + "].rules", String.valueOf(e.getMessage()));
            }
        }
    }
}
