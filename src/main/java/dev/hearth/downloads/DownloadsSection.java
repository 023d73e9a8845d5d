package dev.hearth.downloads;

import dev.hearth.platform.config.ConfigSection;
import dev.hearth.platform.config.HearthConfig;
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
                Duration.ofSeconds(5),
                "",
                new DownloadsConfig.Completion("link"),
                Map.of(),
                List.of(),
                DownloadsConfig.AutoAdd.OFF,
                DownloadsConfig.AutoDelete.OFF);
    }

    /**
     * A category's save path is itself a download root (Hearth writes and deletes there), so one set at run time
     * must already lie inside the running roots: the API can use the directories hearth.yml opened, never open
     * another. 400 with the roots otherwise, as for a download's destination.
     */
    @Override
    public void checkChange(DownloadsConfig running, DownloadsConfig next, HearthConfig runningConfig) {
        DownloadRoots roots = DownloadRoots.of(runningConfig);
        next.categories().forEach((name, category) -> {
            DownloadsConfig.Category before = running.categories().get(name);
            boolean moved = before == null || !before.savePath().equals(category.savePath());
            if (moved && !category.savePath().isBlank()) {
                roots.requireDestination("downloads.categories." + name + ".save_path", category.savePath());
            }
        });
    }
}
