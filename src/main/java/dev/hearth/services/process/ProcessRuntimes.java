package dev.hearth.services.process;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.web.ApiException;
import dev.hearth.services.ServiceEntry;
import dev.hearth.services.ServicesConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The supervisors of every {@code runtime.process} service. Programs marked autostart start with Hearth,
 * after each supervisor has looked for what the last Hearth started (adopting it when Hearth was killed);
 * when Hearth stops, every child is stopped in parallel (stop signal, then SIGKILL), and a JVM shutdown
 * hook kills whatever is left if Hearth ends without an orderly stop. A Hearth killed outright (SIGKILL,
 * the OOM killer) runs no hook: its programs keep running and its next start adopts them.
 */
@Singleton
public class ProcessRuntimes {
    private static final Logger LOG = Logger.getLogger(ProcessRuntimes.class);
    private final Map<String, ProcessSupervisor> supervisors = new LinkedHashMap<>();
    private final Thread lastResort = new Thread(this::killAll, "hearth-process-reaper");

    public ProcessRuntimes(ConfigService config, EventBus bus, Clock clock) {
        HearthConfig c = config.current();
        for (ServiceEntry s : c.section(ServicesConfig.class).services()) {
            ServiceEntry.ProcessRuntime p = s.runtime().process();
            if (p == null) continue;
            URI url = s.url().isEmpty() ? null : URI.create(s.url());
            Path dir = c.dataDir().resolve("services").resolve(s.name());
            supervisors.put(
                    s.name(),
                    new ProcessSupervisor(
                            s.name(), p, dir, url == null ? null : url.getHost(), port(url), clock, bus::publish));
        }
        Runtime.getRuntime().addShutdownHook(lastResort);
    }

    private static @Nullable Integer port(@Nullable URI url) {
        if (url == null) return null;
        if (url.getPort() > 0) return url.getPort();
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    /** The pid of every supervised program that is running now, by service name. */
    public Map<String, Long> runningPids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        supervisors.forEach((name, s) -> {
            Long pid = s.status().pid();
            if (pid != null) pids.put(name, pid);
        });
        return pids;
    }

    public Optional<ProcessSupervisor> find(String service) {
        return Optional.ofNullable(supervisors.get(service));
    }

    // After the event bus (default priority) has started, so the first state changes are published.
    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100) StartupEvent ignored) {
        supervisors.forEach((name, s) -> {
            // What the last Hearth started and never saw end (it was killed): adopted, or stopped — never doubled.
            s.recover();
            if (!s.autostart()) return;
            try {
                s.start();
            } catch (ApiException e) {
                LOG.warnf("Service %s did not start: %s", name, e.getMessage());
            }
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        CompletableFuture.allOf(supervisors.values().stream()
                        .map(s -> CompletableFuture.runAsync(
                                s::close, r -> Thread.ofVirtual().start(r)))
                        .toArray(CompletableFuture[]::new))
                .join();
        try {
            Runtime.getRuntime().removeShutdownHook(lastResort);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and finds nothing left
        }
    }

    private void killAll() {
        supervisors.values().forEach(ProcessSupervisor::killNow);
    }
}
