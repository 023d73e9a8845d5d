package dev.hearth.backups;

import dev.hearth.platform.config.ConfigSection;
import java.time.Duration;
import java.util.List;

/** Registers the {@code backups} section of hearth.yml (META-INF/services). */
public final class BackupsSection implements ConfigSection<BackupsConfig> {
    @Override
    public String key() {
        return "backups";
    }

    @Override
    public Class<BackupsConfig> type() {
        return BackupsConfig.class;
    }

    @Override
    public BackupsConfig defaults() {
        return new BackupsConfig(
                "",
                "",
                "",
                7,
                4,
                List.of(),
                List.of(),
                List.of(),
                new BackupsConfig.Rclone("", "", Duration.ofHours(1)));
    }
}
