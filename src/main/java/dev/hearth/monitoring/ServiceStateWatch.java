package dev.hearth.monitoring;

import dev.hearth.platform.events.EventListener;
import dev.hearth.platform.live.LiveHub;
import dev.hearth.services.ServiceStateChanged;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's runtime changed state: the live {@code service_status} channel hears of it, and a service
 * that exited, failed or turned unhealthy on its own raises an alert (a stop asked for through Hearth
 * does not). The alert resolves when the service runs again. Idempotent: the alert key is per service.
 */
@Singleton
class ServiceStateWatch implements EventListener<ServiceStateChanged> {
    private final AlertService alerts;
    private final LiveHub live;

    ServiceStateWatch(AlertService alerts, LiveHub live) {
        this.alerts = alerts;
        this.live = live;
    }

    @Override
    public Class<ServiceStateChanged> type() {
        return ServiceStateChanged.class;
    }

    @Override
    public void on(ServiceStateChanged e) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("name", e.service());
        status.put("status", e.state());
        status.put("runtime", e.runtime());
        status.put("exit_code", e.exitCode());
        status.put("expected", e.expected());
        status.put("at", e.at().toString());
        live.publish("service_status", e.service(), status);

        // A container's death is the same condition the sampled container rule watches: one key, one alert.
        boolean container = e.runtime().equals("docker");
        String key = container
                ? "container:" + e.detail().substring(e.detail().lastIndexOf('/') + 1)
                : "service-state:" + e.service();
        if (e.alertable()) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (container)
                details.put("container", e.detail().substring(e.detail().lastIndexOf('/') + 1));
            details.put("service", e.service());
            details.put("runtime", e.runtime());
            details.put("exitCode", e.exitCode()); // the seed's field name
            String message = container && !e.state().equals("unhealthy")
                    ? "Container stopped unexpectedly"
                    : "Service " + e.service() + " "
                            + switch (e.state()) {
                                case "unhealthy" -> "is unhealthy";
                                case "failed" -> "keeps crashing and was given up on";
                                default ->
                                    "stopped on its own"
                                            + (e.exitCode() == null ? "" : " (exit code " + e.exitCode() + ")");
                            };
            alerts.raise(key, AlertLevel.ERROR, e.runtime(), message, details);
        } else if (e.state().equals("running") || e.state().equals("healthy") || e.expected()) {
            alerts.resolve(key, e.expected() ? "stopped through Hearth" : "running again");
        }
    }
}
