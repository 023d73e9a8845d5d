package dev.hearth.plugins;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.RestartRequired;
import dev.hearth.platform.config.Validated;
import java.nio.file.Path;

/** The {@code plugins} section: where plugin jars are read from (empty: {@code <data_dir>/plugins}); read at start. */
@RestartRequired
public record PluginsConfig(String directory) implements Validated {
    public PluginsConfig {
        directory = directory == null ? "" : directory.strip();
    }

    @Override
    public void validate(Problems p) {
        p.check(
                directory.isEmpty() || Path.of(directory).isAbsolute(),
                "directory",
                "must be an absolute path (or empty for <data_dir>/plugins)");
    }
}
