package dev.hearth.services;

import java.time.Duration;

/**
 * A thing on the home server, from hearth.yml or found by discovery.
 *
 * @param source         {@code config} or {@code discovery}
 * @param discoveredFrom for discovered services, the label family that named it: {@code hearth}, {@code homepage},
 *                       {@code traefik} or {@code traefik-api}; else empty
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
        Duration timeout) {}
