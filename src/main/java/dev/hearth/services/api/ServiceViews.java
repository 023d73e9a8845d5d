package dev.hearth.services.api;

import dev.hearth.platform.config.Durations;
import dev.hearth.services.ResourceUsage;
import dev.hearth.services.RuntimeRef;
import dev.hearth.services.RuntimeStatus;
import dev.hearth.services.Service;
import dev.hearth.services.ServiceHealth;
import dev.hearth.services.ServiceLogLine;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of services, with the fields the seeds show (Monsterr's list and health, Moccha's status). */
final class ServiceViews {
    private ServiceViews() {}

    static Map<String, Object> service(Service s, RuntimeStatus st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("display_name", s.displayName());
        m.put("group", s.group());
        m.put("icon", s.icon());
        m.put("url", dev.hearth.platform.config.SecretsInUrls.redact(s.url()));
        m.put("status", st.state().word());
        m.put("port", st.port());
        m.put("integration", s.integration());
        m.put("runtime", s.runtime().kind());
        if (s.runtime() instanceof RuntimeRef.Docker d) {
            m.put("endpoint", d.endpoint());
            m.put("container", d.container());
        }
        m.put("source", s.source());
        if (!s.discoveredFrom().isEmpty()) m.put("discovered_from", s.discoveredFrom());
        return m;
    }

    static Map<String, Object> status(RuntimeStatus st, Clock clock, boolean connected) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("running", st.running());
        m.put("state", st.state().word());
        m.put("host", st.host());
        m.put("port", st.port());
        m.put("pid", st.pid());
        m.put("connected", connected);
        m.put("started_at", st.startedAt());
        Duration up = st.uptime(clock.instant());
        m.put("uptime", up == null ? null : Durations.human(up));
        m.put("uptime_seconds", up == null ? null : up.toSeconds());
        m.put("exit_code", st.exitCode());
        m.put("stopped_through_hearth", st.exitCode() == null ? null : st.expected());
        m.put("health", st.health());
        m.put("message", st.message());
        return m;
    }

    static Map<String, Object> health(ServiceHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("status", h.status());
        m.put("health", h.health());
        m.put("message", h.message());
        m.put("last_check", h.lastCheck());
        m.put("latency_ms", h.latencyMs());
        m.put("age_ms", h.ageMs());
        String uptime = h.uptimeSeconds() == null ? null : Durations.human(Duration.ofSeconds(h.uptimeSeconds()));
        Double memoryGb = h.memoryBytes() == null ? null : Math.round(h.memoryBytes() / 1e7) / 100.0;
        m.put("uptime", uptime);
        m.put("uptime_seconds", h.uptimeSeconds());
        m.put("cpu", h.cpuPercent());
        m.put("memory", memoryGb);
        m.put("memory_bytes", h.memoryBytes());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("uptime", uptime);
        metrics.put("memory", memoryGb);
        metrics.put("cpu", h.cpuPercent());
        m.put("metrics", metrics);
        return m;
    }

    static Map<String, Object> stats(String name, ResourceUsage u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", name);
        m.put("cpu_percent", Math.round(u.cpuPercent() * 100) / 100.0);
        m.put("memory_used", u.memoryUsed());
        m.put("memory_limit", u.memoryLimit());
        m.put("memory_percent", Math.round(u.memoryPercent() * 100) / 100.0);
        m.put("network", Map.of("rx_bytes", u.netRx(), "tx_bytes", u.netTx()));
        m.put("block_io", Map.of("read_bytes", u.blockRead(), "write_bytes", u.blockWrite()));
        return m;
    }

    static Map<String, Object> line(ServiceLogLine l, boolean timestamps) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (timestamps) m.put("time", l.time());
        m.put("stream", l.stream());
        m.put("text", l.text());
        return m;
    }
}
