package dev.hearth.platform.config;

import static dev.hearth.platform.config.ConfigValidator.check;

import java.util.List;
import java.util.Set;

/** The {@code minecraft} section's rules, kept together so the section can move to its feature as one. */
final class MinecraftValidator {
    private static final Set<String> RESTART = Set.of("no", "always", "unless-stopped", "on-failure");

    private MinecraftValidator() {}

    static void validate(HearthConfig.Minecraft m, List<String> p) {
        check(p, !m.image().isBlank() && !m.image().contains(" "), "minecraft.image", "must name an image, e.g. itzg/minecraft-server:java21");
        check(p, m.network().matches("[A-Za-z0-9][A-Za-z0-9_.-]*"), "minecraft.network", "must be bridge, host or a Docker network name");
        check(p, !m.host().isBlank(), "minecraft.host", "must be the address where Hearth reaches the servers' ports, e.g. 127.0.0.1");
        check(p, m.firstPort() >= 1024 && m.firstPort() <= 65000, "minecraft.first_port", "must be between 1024 and 65000");
        check(p, m.firstRconPort() >= 1024 && m.firstRconPort() <= 65000, "minecraft.first_rcon_port", "must be between 1024 and 65000");
        check(p, RESTART.contains(m.restartPolicy()), "minecraft.restart_policy", "must be no, always, unless-stopped or on-failure");
        check(p, m.maxMemory().matches("[1-9][0-9]*[MG]"), "minecraft.max_memory", "must be a size like 4G or 3072M");
        check(p, m.timeout() != null && !m.timeout().isNegative() && !m.timeout().isZero() && m.timeout().toSeconds() <= 30,
                "minecraft.timeout", "must be a positive duration of at most 30s");
    }
}
