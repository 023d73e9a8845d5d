package dev.hearth.services.discovery;

/**
 * A container that became a service, and the label family that named it.
 *
 * @param source hearth, homepage, traefik (a router's Host() label) or traefik-api (Traefik's own router list)
 */
public record DiscoveredService(
        String name,
        String displayName,
        String group,
        String icon,
        String url,
        String integration,
        String endpoint,
        String container,
        String source) {}
