package dev.hearth.plugins;

import dev.hearth.platform.config.ConfigSection;

/** Registers the {@code plugins} section of hearth.yml (META-INF/services). */
public final class PluginsSection implements ConfigSection<PluginsConfig> {
    @Override
    public String key() {
        return "plugins";
    }

    @Override
    public Class<PluginsConfig> type() {
        return PluginsConfig.class;
    }

    @Override
    public PluginsConfig defaults() {
        return new PluginsConfig("");
    }
}
