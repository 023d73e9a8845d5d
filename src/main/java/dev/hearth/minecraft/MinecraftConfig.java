package dev.hearth.minecraft;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Validated;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code minecraft} section: servers as containers of the itzg/minecraft-server image on a Docker endpoint;
 * {@code host} is where Hearth reaches them (Server List Ping, RCON), {@code public_host} what players are told.
 * Read at each use, so it changes at run time (for servers made afterwards).
 */
public record MinecraftConfig(
        String endpoint,
        String image,
        String network,
        String host,
        String publicHost,
        int firstPort,
        int firstRconPort,
        String restartPolicy,
        String maxMemory,
        Duration timeout)
        implements Validated {
    private static final Set<String> RESTART = Set.of("no", "always", "unless-stopped", "on-failure");

    public MinecraftConfig {
        endpoint = endpoint == null || endpoint.isBlank() ? "local" : endpoint;
        image = image == null ? "" : image;
        network = network == null ? "" : network;
        host = host == null ? "" : host;
        publicHost = publicHost == null ? "" : publicHost;
        restartPolicy = restartPolicy == null ? "" : restartPolicy;
        maxMemory = maxMemory == null ? "" : maxMemory;
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }

    @Override
    public void validate(Problems p) {
        p.check(
                !image.isBlank() && !image.contains(" "),
                "image",
                "must name an image, e.g. itzg/minecraft-server:java21");
        p.check(
                network.matches("[A-Za-z0-9][A-Za-z0-9_.-]*"),
                "network",
                "must be bridge, host or a Docker network name");
        p.check(!host.isBlank(), "host", "must be the address where Hearth reaches the servers' ports, e.g. 127.0.0.1");
        p.check(firstPort >= 1024 && firstPort <= 65000, "first_port", "must be between 1024 and 65000");
        p.check(firstRconPort >= 1024 && firstRconPort <= 65000, "first_rcon_port", "must be between 1024 and 65000");
        p.check(RESTART.contains(restartPolicy), "restart_policy", "must be no, always, unless-stopped or on-failure");
        p.check(maxMemory.matches("[1-9][0-9]*[MG]"), "max_memory", "must be a size like 4G or 3072M");
        p.check(
                !timeout.isNegative() && !timeout.isZero() && timeout.toSeconds() <= 30,
                "timeout",
                "must be a positive duration of at most 30s");
    }
}
