package dev.hearth.downloads;

import dev.hearth.platform.config.ConfigSection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Registers the {@code downloads} section of hearth.yml (META-INF/services). */
public final class DownloadsSection implements ConfigSection<DownloadsConfig> {
    @Override
    public String key() {
        return "downloads";
    }

    @Override
    public Class<DownloadsConfig> type() {
        return DownloadsConfig.class;
    }

    @Override
    public DownloadsConfig defaults() {
        return new DownloadsConfig(
                Duration.ofSeconds(5), "", new DownloadsConfig.Completion("link"), Map.of(), List.of());
    }
}
