package dev.hearth.platform.live;

import dev.hearth.platform.config.ConfigSection;
import java.time.Duration;

/** Registers {@code monitoring.live} (META-INF/services). */
public final class LiveSection implements ConfigSection<LiveSettings> {
    @Override
    public String key() {
        return "monitoring.live";
    }

    @Override
    public Class<LiveSettings> type() {
        return LiveSettings.class;
    }

    @Override
    public LiveSettings defaults() {
        return new LiveSettings(64, Duration.ofSeconds(60), 8, 256);
    }
}
