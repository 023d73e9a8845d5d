package dev.hearth.platform.config;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks of {@code services[].runtime} and {@code docker}, kept apart so the general validator stays short. */
final class ServiceRuntimeRules {
    private static final Set<String> RESTART = Set.of("no", "on-failure", "always");

    private ServiceRuntimeRules() {}

    static void check(List<String> p, HearthConfig.Runtime runtime, String key, HearthConfig.Docker docker) {
        if (runtime.docker() != null && runtime.process() != null) {
            p.add(key + ": give either docker or process, not both");
        }
        if (runtime.docker() != null) {
            HearthConfig.DockerRuntime d = runtime.docker();
            if (d.container().isBlank()) p.add(key + ".docker.container: must name the container");
            List<String> names = docker.endpoints().stream().map(HearthConfig.DockerEndpoint::name).toList();
            if (!names.contains(d.endpoint())) {
                p.add(key + ".docker.endpoint: '" + d.endpoint() + "' is not one of docker.endpoints (" + String.join(", ", names) + ")");
            }
        }
        if (runtime.process() != null) {
            HearthConfig.ProcessRuntime pr = runtime.process();
            if (pr.command().isEmpty() || pr.command().getFirst().isBlank()) p.add(key + ".process.command: must give the program, e.g. [deluged, -d]");
            if (!RESTART.contains(pr.restart())) p.add(key + ".process.restart: must be no, on-failure or always (got '" + pr.restart() + "')");
            if (!pr.stopSignal().matches("(SIG)?[A-Z0-9]+")) p.add(key + ".process.stop_signal: must be a signal name like TERM or INT");
            positive(p, pr.stopTimeout(), key + ".process.stop_timeout");
            positive(p, pr.backoff(), key + ".process.backoff");
            positive(p, pr.maxBackoff(), key + ".process.max_backoff");
            positive(p, pr.crashLoopWindow(), key + ".process.crash_loop_window");
            if (pr.crashLoopLimit() < 1) p.add(key + ".process.crash_loop_limit: must be at least 1");
            if (pr.logFiles() < 1 || pr.logFiles() > 100) p.add(key + ".process.log_files: must be between 1 and 100");
            if (pr.logMaxSize().bytes() < 1024) p.add(key + ".process.log_max_size: must be at least 1KB");
        }
    }

    static void checkDocker(List<String> p, HearthConfig.Docker docker) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < docker.endpoints().size(); i++) {
            HearthConfig.DockerEndpoint e = docker.endpoints().get(i);
            String key = "docker.endpoints[" + i + "]";
            if (e.name() == null || !e.name().matches("[a-z0-9][a-z0-9_-]{0,62}")) {
                p.add(key + ".name: must be lower-case letters, digits, - or _ (got '" + e.name() + "')");
            } else if (!names.add(e.name())) {
                p.add(key + ".name: '" + e.name() + "' is used twice");
            }
            String host = e.host() == null ? "" : e.host();
            if (!host.startsWith("unix://") && !host.startsWith("tcp://")) {
                p.add(key + ".host: must be unix:///path/to/docker.sock or tcp://host:port (got '" + host + "')");
            }
            positive(p, e.timeout(), key + ".timeout");
        }
        if (!docker.traefikApi().isEmpty()) {
            try {
                URI u = URI.create(docker.traefikApi());
                if (u.getHost() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) throw new IllegalArgumentException();
            } catch (RuntimeException ex) {
                p.add("docker.traefik_api: '" + docker.traefikApi() + "' is not an http:// or https:// URL");
            }
        }
        positive(p, docker.discoveryInterval(), "docker.discovery_interval");
    }

    private static void positive(List<String> p, Duration d, String key) {
        if (d == null || d.isNegative() || d.isZero()) p.add(key + ": must be a positive duration like 30s or 15m");
    }
}
