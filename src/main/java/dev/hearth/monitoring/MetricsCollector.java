package dev.hearth.monitoring;

import dev.hearth.monitoring.collectors.CpuCollector;
import dev.hearth.monitoring.collectors.DiskCollector;
import dev.hearth.monitoring.collectors.GpuCollector;
import dev.hearth.monitoring.collectors.HostPaths;
import dev.hearth.monitoring.collectors.LatencyProbe;
import dev.hearth.monitoring.collectors.MemoryCollector;
import dev.hearth.monitoring.collectors.NetworkCollector;
import dev.hearth.monitoring.collectors.ProcessCollector;
import dev.hearth.monitoring.collectors.TemperatureCollector;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.scheduler.Scheduler;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Samples the host and its workloads every {@code monitoring.interval} and hands each sample to every
 * {@link SampleConsumer}. Readers (status, /metrics/current) read {@link #last()}, so they cost no I/O.
 */
@Singleton
public class MetricsCollector {
    private static final Logger LOG = Logger.getLogger(MetricsCollector.class);

    private final ConfigService config;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Instance<SampleConsumer> consumers;
    private final Instance<ContainerMetricsSource> containerSources;
    private final Instance<SupervisedProcesses> processSources;
    private final CpuCollector cpu;
    private final MemoryCollector memory;
    private final DiskCollector disks;
    private final NetworkCollector network;
    private final TemperatureCollector temperature;
    private final GpuCollector gpus;
    private final ProcessCollector processes;
    private volatile @Nullable HostSnapshot last;
    private volatile long lastCostNanos;

    public MetricsCollector(
            ConfigService config,
            Scheduler scheduler,
            Clock clock,
            Instance<SampleConsumer> consumers,
            Instance<ContainerMetricsSource> containerSources,
            Instance<SupervisedProcesses> processSources) {
        this.config = config;
        this.scheduler = scheduler;
        this.clock = clock;
        this.consumers = consumers;
        this.containerSources = containerSources;
        this.processSources = processSources;
        HostPaths paths = HostPaths.real();
        this.cpu = new CpuCollector(paths);
        this.memory = new MemoryCollector(paths);
        this.disks = new DiskCollector(paths);
        this.network = new NetworkCollector(paths);
        this.temperature = new TemperatureCollector(paths);
        this.gpus = new GpuCollector();
        this.processes = new ProcessCollector(paths);
    }

    void start(@Observes StartupEvent ignored) {
        collect(); // primes the CPU and network counters, so the first scheduled sample has rates
        scheduler.every(
                "metrics-sample",
                config.current().section(MonitoringConfig.class).interval(),
                this::sampleAndPublish);
    }

    /** The latest sample; taken now if none was taken yet. */
    public HostSnapshot last() {
        HostSnapshot s = last;
        return s != null ? s : collect();
    }

    /** What the last sample cost the collector, in nanoseconds of wall time (the benchmark and a gauge read it). */
    public long lastCostNanos() {
        return lastCostNanos;
    }

    void sampleAndPublish() {
        HostSnapshot s = collect();
        for (SampleConsumer c : consumers) {
            try {
                c.accept(s);
            } catch (RuntimeException e) {
                LOG.warnf("%s failed on a sample: %s", c.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /** Takes one sample of everything; safe to call from any thread. */
    public synchronized HostSnapshot collect() {
        long start = System.nanoTime();
        CpuCollector.Reading c = cpu.read();
        List<HostSnapshot.Interface> nics = network.read(start);
        double rx = 0, tx = 0;
        long rxTotal = 0, txTotal = 0;
        for (HostSnapshot.Interface i : nics) {
            rx += i.rxRate();
            tx += i.txRate();
            rxTotal += i.rxBytes();
            txTotal += i.txBytes();
        }
        String target = config.current().section(MonitoringConfig.class).latencyTarget();
        Double latency = target.isEmpty() ? null : LatencyProbe.connectMillis(target);
        List<ContainerUsage> containers = new ArrayList<>();
        for (ContainerMetricsSource source : containerSources) containers.addAll(source.containers());
        Map<String, Long> pids = new HashMap<>();
        for (SupervisedProcesses source : processSources) pids.putAll(source.pids());
        HostSnapshot s = new HostSnapshot(
                clock.instant(),
                new HostSnapshot.Cpu(c.total(), c.cores(), c.load1(), c.load5(), c.load15(), temperature.read()),
                memory.read(),
                disks.read(),
                new HostSnapshot.Network(nics, rx, tx, rxTotal, txTotal, latency, !target.isEmpty()),
                gpus.read(),
                containers,
                processes.read(pids, start));
        last = s;
        lastCostNanos = System.nanoTime() - start;
        return s;
    }

    /** The mount that holds the data dir: the seed's single "disk". */
    public HostSnapshot.Disk primaryDisk(HostSnapshot s) {
        Path data = config.dataDir().toAbsolutePath().normalize();
        HostSnapshot.Disk best = null;
        for (HostSnapshot.Disk d : s.disks()) {
            if (data.startsWith(d.mount())
                    && (best == null || d.mount().length() > best.mount().length())) best = d;
        }
        if (best != null) return best;
        return s.disks().isEmpty()
                ? new HostSnapshot.Disk("/", "", "", 0, 0, 0)
                : s.disks().getFirst();
    }

    public MetricsView view(HostSnapshot s) {
        return MetricsView.of(
                s,
                primaryDisk(s),
                config.current().section(MonitoringConfig.class).thresholds());
    }
}
