package dev.hearth.monitoring;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.scheduler.Scheduler;
import dev.hearth.services.ResourceUsage;
import dev.hearth.services.RuntimeDispatch;
import dev.hearth.services.RuntimeRef;
import dev.hearth.services.RuntimeStatus;
import dev.hearth.services.Service;
import dev.hearth.services.ServiceRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * CPU and memory of every container service, polled in the background (an engine's stats call takes
 * about a second) with all containers asked at once, each bounded by its service's timeout, so a sample
 * only reads the last figures. A container that does not answer keeps out of that round.
 */
@Singleton
class ContainerUsagePoller implements ContainerMetricsSource {
    private final ServiceRegistry services;
    private final RuntimeDispatch runtimes;
    private final Scheduler scheduler;
    private final ConfigService config;
    private volatile List<ContainerUsage> last = List.of();

    ContainerUsagePoller(
            ServiceRegistry services, RuntimeDispatch runtimes, Scheduler scheduler, ConfigService config) {
        this.services = services;
        this.runtimes = runtimes;
        this.scheduler = scheduler;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        scheduler.every(
                "container-usage",
                config.current().section(MonitoringConfig.class).interval(),
                this::refresh);
    }

    @Override
    public List<ContainerUsage> containers() {
        return last;
    }

    void refresh() {
        List<Service> containers = services.services().stream()
                .filter(s -> s.runtime() instanceof RuntimeRef.Docker)
                .toList();
        if (containers.isEmpty()) {
            last = List.of();
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ContainerUsage>> asked = new ArrayList<>();
            for (Service s : containers) asked.add(pool.submit(() -> usage(s)));
            List<ContainerUsage> answered = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                Duration wait =
                        containers.get(i).timeout().plusSeconds(2); // stats takes about a second more than a plain call
                try {
                    answered.add(asked.get(i).get(wait.toMillis(), TimeUnit.MILLISECONDS));
                } catch (Exception noAnswer) {
                    asked.get(i).cancel(true);
                }
            }
            last = List.copyOf(answered);
        }
    }

    private ContainerUsage usage(Service s) {
        RuntimeStatus st = runtimes.status(s.name());
        String container = ((RuntimeRef.Docker) s.runtime()).container();
        if (!st.running()) {
            return new ContainerUsage(container, s.name(), false, st.exitCode(), st.expected(), 0, 0, 0);
        }
        ResourceUsage u = runtimes.stats(s.name());
        return new ContainerUsage(
                container, s.name(), true, null, false, u.cpuPercent(), u.memoryUsed(), u.memoryLimit());
    }
}
