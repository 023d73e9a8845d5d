package dev.hearth.services.discovery;

import dev.hearth.services.docker.PublishedPort;
import java.util.List;

/**
 * A container that became a service, and the label family that named it.
 *
 * @param source hearth, homepage, traefik (a router's Host() label), traefik-api (Traefik's own router list) or
 *               docker (a container no label names, found because {@code docker.discovery} is {@code all})
 * @param ports  the container's ports published on the host, shown as links
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
        String source,
        List<PublishedPort> ports) {
    public DiscoveredService {
        ports = List.copyOf(ports);
    }

    DiscoveredService with(String group, List<PublishedPort> ports) {
        return new DiscoveredService(
                name, displayName, group, icon, url, integration, endpoint, container, source, ports);
    }
}
