package dev.hearth.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the whole of {@code /metrics} — the JVM, system and Netty binders' families too, not only
 * {@code hearth_} — valid for {@code promtool check metrics}: every family has a HELP text without
 * double quotes (OpenMetrics escapes them as {@code \"}, which the text parser refuses), no name carries
 * an abbreviated unit or a {@code _count} suffix on a gauge, and a client that does not ask for
 * OpenMetrics by name (curl, a browser, promtool's users) gets the text format promtool checks.
 * Prometheus itself asks for OpenMetrics by name and still gets it.
 */
@Singleton
class PrometheusExposition {
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    /** Binders that register without a description; promtool calls an empty HELP a problem. */
    private static final Map<String, String> MISSING_HELP = Map.of(
            "netty.allocator.memory.used", "Memory held by a Netty allocator",
            "netty.allocator.memory.pinned", "Memory of a Netty allocator pinned by buffers in use",
            "netty.allocator.pooled.arenas", "Arenas of a pooled Netty allocator",
            "netty.allocator.pooled.cache.size", "Cache size of a pooled Netty allocator",
            "netty.allocator.pooled.chunk.size", "Chunk size of a pooled Netty allocator",
            "netty.allocator.pooled.threadlocal.caches", "Thread-local caches of a pooled Netty allocator",
            "netty.eventexecutor.tasks.pending", "Tasks waiting in a Netty event executor");

    @Produces
    @Singleton
    MeterFilter promtoolClean() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                // Nanoseconds under an abbreviated unit (process_cpu_time_ns_total); process_cpu_seconds_total replaces
                // it.
                return id.getName().equals("process.cpu.time") ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                // A gauge must not end in _count (promtool reads it as a summary's part): system_cpu_count becomes
                // system_cpus.
                String name = id.getName().equals("system.cpu.count") ? "system.cpus" : id.getName();
                String description = help(id.getName(), id.getDescription());
                if (name.equals(id.getName()) && description.equals(id.getDescription())) return id;
                return new Meter.Id(
                        name,
                        io.micrometer.core.instrument.Tags.of(id.getTags()),
                        id.getBaseUnit(),
                        description,
                        id.getType());
            }
        };
    }

    static String help(String name, @Nullable String description) {
        String text = description == null || description.isBlank()
                ? MISSING_HELP.getOrDefault(name, name.replace('.', ' '))
                : description;
        // 'The "cpu time" used by…': quotes add nothing, and in OpenMetrics they come out as \" which promtool refuses.
        return text.replace("\"", "");
    }

    /** The CPU time of this process in seconds, under the name Prometheus's own client libraries use. */
    void registerProcessCpu(@Observes StartupEvent ignored, MeterRegistry registry) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            ToDoubleFunction<com.sun.management.OperatingSystemMXBean> seconds = b -> b.getProcessCpuTime() / 1e9;
            FunctionCounter.builder("process.cpu", os, seconds)
                    .baseUnit("seconds")
                    .description("CPU time used by the Hearth process")
                    .register(registry);
        }
    }

    /** {@code Accept: *}{@code /*} (curl's) or none: the text format; OpenMetrics only to a client that names it. */
    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    if ("/metrics".equals(rc.normalizedPath())) {
                        String accept = rc.request().getHeader("Accept");
                        if (accept == null || !accept.contains("openmetrics"))
                            rc.request().headers().set("Accept", TEXT_FORMAT);
                    }
                    rc.next();
                },
                900);
    }
}
