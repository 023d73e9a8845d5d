package dev.hearth.monitoring.alerts;

import dev.hearth.monitoring.AlertLevel;
import dev.hearth.monitoring.AlertService;
import dev.hearth.monitoring.ContainerUsage;
import dev.hearth.monitoring.HostSnapshot;
import dev.hearth.monitoring.MonitoringConfig;
import dev.hearth.monitoring.SampleConsumer;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.integration.Health;
import dev.hearth.services.HealthBoard;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Evaluates the rules on every sample: thresholds (CPU, memory, swap, temperature, latency, each disk),
 * service down, container exited on its own, and disk full within {@code disk_full_within} at the
 * current trend. Rule state lives here; the alerts themselves live in {@link AlertService}.
 */
@Singleton
public class AlertEngine implements SampleConsumer {
    static final Set<String> SOURCES = Set.of("system", "services", "docker");
    private static final Duration TREND_WINDOW = Duration.ofHours(1);

    private final AlertService alerts;
    private final HealthBoard services;
    private final ConfigService config;
    private final Map<String, ThresholdRule> thresholds = new HashMap<>();
    private final Map<String, ConditionRule> conditions = new HashMap<>();
    private final Map<String, DiskTrend> trends = new HashMap<>();
    /** Alerts left open by a previous run; resolved when their rule, started afresh, does not fire. */
    private @org.jspecify.annotations.Nullable Set<String> inherited;

    public AlertEngine(AlertService alerts, HealthBoard services, ConfigService config) {
        this.alerts = alerts;
        this.services = services;
        this.config = config;
    }

    @Override
    public synchronized void accept(HostSnapshot s) {
        Set<String> inherited = this.inherited;
        if (inherited == null) this.inherited = inherited = new HashSet<>(alerts.openKeys(SOURCES));
        MonitoringConfig m = config.current().section(MonitoringConfig.class);
        MonitoringConfig.Thresholds t = m.thresholds();
        Instant now = s.at();
        threshold("cpu", "CPU use", s.cpu().usage(), "%", t.cpu(), m, now);
        threshold("memory", "Memory use", s.memory().usage(), "%", t.memory(), m, now);
        if (s.memory().swapTotal() > 0) threshold("swap", "Swap use", s.memory().swapUsage(), "%", t.swap(), m, now);
        if (s.cpu().temperature() != null)
            threshold("temperature", "CPU temperature", s.cpu().temperature(), "°C", t.temperature(), m, now);
        if (s.network().targetSet()) {
            Double latency = s.network().latencyMs();
            threshold(
                    "latency",
                    "Network latency to " + m.latencyTarget(),
                    latency == null ? Double.MAX_VALUE : latency,
                    " ms",
                    t.latency(),
                    m,
                    now);
        }
        for (HostSnapshot.Disk d : s.disks()) {
            threshold("disk:" + d.mount(), "Disk " + d.mount(), d.usage(), "% used", t.disk(), m, now);
            diskTrend(d, m.alerts().diskFullWithin(), now);
        }
        for (HealthBoard.Entry v : services.entries()) {
            String name = v.name();
            boolean down = v.health().status() == Health.Status.OFFLINE;
            condition(
                    "service:" + name,
                    down,
                    m.alerts().serviceDownFor(),
                    now,
                    AlertLevel.ERROR,
                    "services",
                    "Service " + name + " is down: " + v.health().message(),
                    Map.of("service", name, "reason", v.health().detail().name()));
        }
        for (ContainerUsage c : s.containers()) {
            boolean exited = !c.running() && !c.stoppedByHearth();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("container", c.name());
            details.put("service", c.service());
            details.put("exitCode", c.exitCode()); // the seed's field name
            condition(
                    "container:" + c.name(),
                    exited,
                    Duration.ZERO,
                    now,
                    AlertLevel.ERROR,
                    "docker",
                    "Container stopped unexpectedly",
                    details);
        }
        inherited.removeIf(key -> {
            boolean active = thresholds.containsKey(key) && thresholds.get(key).firing()
                    || conditions.containsKey(key) && conditions.get(key).firing();
            if (!active) alerts.resolve(key, "rule");
            return true;
        });
    }

    private void threshold(
            String key,
            String what,
            double value,
            String unit,
            MonitoringConfig.Threshold line,
            MonitoringConfig m,
            Instant now) {
        ThresholdRule rule = thresholds.computeIfAbsent(key, k -> new ThresholdRule());
        rule.evaluate(value, line, m.alerts().forDuration(), m.alerts().hysteresis(), now)
                .ifPresent(tr -> {
                    switch (tr) {
                        case Transition.Raise r -> raise(key, r.level(), what, value, unit, line);
                        case Transition.Change c -> raise(key, c.level(), what, value, unit, line);
                        case Transition.Clear ignored -> alerts.resolve(key, "rule");
                    }
                });
    }

    private void raise(
            String key, AlertLevel level, String what, double value, String unit, MonitoringConfig.Threshold line) {
        double limit = level == AlertLevel.CRITICAL ? line.critical() : line.warning();
        String shown = value == Double.MAX_VALUE ? "unreachable" : String.format("%.1f%s", value, unit);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("metric", key);
        details.put("value", value == Double.MAX_VALUE ? null : value);
        details.put("threshold", limit);
        alerts.raise(
                key,
                level,
                "system",
                what + " is " + shown + " (" + level.id() + " at " + limit + unit.trim() + ")",
                details);
    }

    private void condition(
            String key,
            boolean holds,
            Duration forDuration,
            Instant now,
            AlertLevel level,
            String source,
            String message,
            Map<String, Object> details) {
        ConditionRule rule = conditions.computeIfAbsent(key, k -> new ConditionRule());
        if (rule.fires(holds, forDuration, now)) alerts.raise(key, level, source, message, details);
        if (rule.cleared(holds)) alerts.resolve(key, "rule");
    }

    private void diskTrend(HostSnapshot.Disk d, Duration within, Instant now) {
        DiskTrend trend = trends.computeIfAbsent(d.mount(), k -> new DiskTrend(TREND_WINDOW));
        trend.add(now, d.used());
        OptionalDouble hours = trend.hoursToFull(d.free());
        double limit = within.toMinutes() / 60.0;
        String key = "disk-trend:" + d.mount();
        // raised under the limit, cleared only above a quarter more, so an estimate hovering at the limit does not flap
        boolean soon = hours.isPresent() && hours.getAsDouble() < limit;
        boolean clear = hours.isEmpty() || hours.getAsDouble() > limit * 1.25;
        ConditionRule rule = conditions.computeIfAbsent(key, k -> new ConditionRule());
        if (rule.fires(soon, Duration.ZERO, now)) {
            alerts.raise(
                    key,
                    AlertLevel.WARNING,
                    "system",
                    String.format(
                            "Disk %s will be full in about %.1f h at the current rate", d.mount(), hours.getAsDouble()),
                    Map.of("mount", d.mount(), "hours_to_full", hours.getAsDouble(), "free_bytes", d.free()));
        }
        if (rule.firing() && clear && rule.cleared(false)) alerts.resolve(key, "rule");
    }
}
