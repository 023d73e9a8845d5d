package dev.hearth.services;

import dev.hearth.platform.config.ConfigSection;
import java.time.Duration;
import java.util.List;

/** Registers the {@code docker} section of hearth.yml (META-INF/services). */
public final class DockerSection implements ConfigSection<DockerConfig> {
    @Override
    public String key() {
        return "docker";
    }

    @Override
    public Class<DockerConfig> type() {
        return DockerConfig.class;
    }

    @Override
    public DockerConfig defaults() {
        return new DockerConfig(List.of(), "", Duration.ofMinutes(5));
    }
}
