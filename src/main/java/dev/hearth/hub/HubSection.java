package dev.hearth.hub;

import dev.hearth.platform.config.ConfigSection;
import java.time.Duration;
import java.util.List;

/** Registers the {@code hub} section of hearth.yml (META-INF/services). */
public final class HubSection implements ConfigSection<HubConfig> {
    @Override
    public String key() {
        return "hub";
    }

    @Override
    public Class<HubConfig> type() {
        return HubConfig.class;
    }

    @Override
    public HubConfig defaults() {
        return new HubConfig(
                Duration.ofMillis(1500), 64, Duration.ofDays(7), Duration.ofSeconds(15), 8L * 1024 * 1024, List.of());
    }
}
