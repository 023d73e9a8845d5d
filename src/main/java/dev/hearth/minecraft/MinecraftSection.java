package dev.hearth.minecraft;

import dev.hearth.platform.config.ConfigSection;
import java.time.Duration;

/** Registers the {@code minecraft} section of hearth.yml (META-INF/services). */
public final class MinecraftSection implements ConfigSection<MinecraftConfig> {
    @Override
    public String key() {
        return "minecraft";
    }

    @Override
    public Class<MinecraftConfig> type() {
        return MinecraftConfig.class;
    }

    @Override
    public MinecraftConfig defaults() {
        return new MinecraftConfig(
                "local",
                "itzg/minecraft-server:latest",
                "bridge",
                "127.0.0.1",
                "",
                25565,
                25575,
                "unless-stopped",
                "8G",
                Duration.ofSeconds(3));
    }
}
