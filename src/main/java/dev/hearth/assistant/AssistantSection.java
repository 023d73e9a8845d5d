package dev.hearth.assistant;

import dev.hearth.platform.config.ConfigSection;
import java.time.Duration;

/** Registers the {@code assistant} section of hearth.yml (META-INF/services). */
public final class AssistantSection implements ConfigSection<AssistantConfig> {
    @Override
    public String key() {
        return "assistant";
    }

    @Override
    public Class<AssistantConfig> type() {
        return AssistantConfig.class;
    }

    @Override
    public AssistantConfig defaults() {
        return new AssistantConfig(
                "offline", "", "", "", 6, 1024, Duration.ofSeconds(60), 20, 200, Duration.ofMinutes(5), 0, 0);
    }
}
