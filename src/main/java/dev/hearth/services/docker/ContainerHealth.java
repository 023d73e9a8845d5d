package dev.hearth.services.docker;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A container's healthcheck verdict; {@link #NONE} when the image defines no healthcheck. */
public enum ContainerHealth {
    NONE,
    STARTING,
    HEALTHY,
    UNHEALTHY;

    /** From inspect's {@code State.Health.Status} or an event's {@code health_status: x}. */
    static ContainerHealth of(@Nullable String status) {
        if (status == null) {
            return NONE;
        }
        return switch (status.trim().toLowerCase(Locale.ROOT)) {
            case "starting" -> STARTING;
            case "healthy" -> HEALTHY;
            case "unhealthy" -> UNHEALTHY;
            default -> NONE;
        };
    }

    /**
     * From a list entry's status text, the only place the list shows health:
     * "Up 5 minutes (healthy)", "Up 3 seconds (health: starting)", "Up 2 hours (unhealthy)".
     */
    static ContainerHealth fromStatusText(@Nullable String status) {
        if (status == null) {
            return NONE;
        }
        if (status.contains("(health: starting)")) {
            return STARTING;
        }
        if (status.contains("(unhealthy)")) {
            return UNHEALTHY;
        }
        if (status.contains("(healthy)")) {
            return HEALTHY;
        }
        return NONE;
    }
}
