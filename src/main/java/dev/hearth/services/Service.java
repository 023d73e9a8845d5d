package dev.hearth.services;

import dev.hearth.services.docker.PublishedPort;
import java.time.Duration;
import java.util.List;

/**
 * A thing on the home server, from hearth.yml or found by discovery.
 *
 * @param source         {@code config} or {@code discovery}
 * @param discoveredFrom for discovered services, the label family that named it: {@code hearth}, {@code homepage},
 *                       {@code traefik}, {@code traefik-api} or {@code docker} (no label: {@code docker.discovery: all});
 *                       else empty
 * @param ports          for a discovered container, the ports it publishes on the host (the dashboard links them)
 */
public record Service(
        String name,
        String displayName,
        String group,
        String icon,
        String url,
        String integration,
        RuntimeRef runtime,
        String source,
        String discoveredFrom,
        Duration checkInterval,
        Duration timeout,
        List<PublishedPort> ports) {
    public Service {
        ports = List.copyOf(ports);
    }
}
