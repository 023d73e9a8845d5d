package dev.hearth.system;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hearth's version and how long it has been up. */
@Singleton
public class SystemInfo {
    private final Clock clock;
    private final Instant started;
    private final String version;

    public SystemInfo(
            Clock clock, @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.clock = clock;
        this.started = clock.instant();
        this.version = version;
    }

    public String version() {
        return version;
    }

    public Duration uptime() {
        return Duration.between(started, clock.instant());
    }
}
