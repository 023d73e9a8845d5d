package dev.hearth.services.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.services.docker.ContainerHealth;
import dev.hearth.services.docker.ContainerSummary;
import dev.hearth.services.docker.PublishedPort;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code docker.discovery: all}: every container is a service, named after its compose service, grouped by its
 * compose project, with its published ports; {@code hearth.enable=false} still hides one; {@code labelled} keeps
 * the old rule.
 */
class DiscoverAllTest {
    private static ContainerSummary container(String name, Map<String, String> labels, List<PublishedPort> ports) {
        return new ContainerSummary(
                "id-" + name,
                List.of(name),
                "img",
                "running",
                "Up",
                ContainerHealth.NONE,
                labels,
                Instant.EPOCH,
                ports);
    }

    private static Map<String, String> compose(String project, String service) {
        return Map.of("com.docker.compose.project", project, "com.docker.compose.service", service);
    }

    private static final List<ContainerSummary> BOX = List.of(
            container(
                    "media-jellyfin-1",
                    compose("media", "jellyfin"),
                    List.of(new PublishedPort("0.0.0.0", 8096, 8096, "tcp"))),
            container("tools-jellyfin-1", compose("tools", "jellyfin"), List.of()),
            container("portainer", Map.of(), List.of(new PublishedPort("0.0.0.0", 9443, 9443, "tcp"))),
            container("hidden", Map.of("hearth.enable", "false"), List.of()),
            container(
                    "sonarr",
                    Map.of(
                            "homepage.name", "Sonarr",
                            "com.docker.compose.project", "media",
                            "com.docker.compose.service", "sonarr"),
                    List.of()));

    private static DiscoveryReport scan(boolean all) {
        return LabelDiscovery.scan(Map.of("local", BOX), List.of(), Set.of(), Set.of("http"), all);
    }

    @Test
    void everyContainerButTheOptedOutIsAServiceGroupedByItsComposeProject() {
        DiscoveryReport r = scan(true);
        Map<String, DiscoveredService> byName = new java.util.HashMap<>();
        r.found().forEach(d -> byName.put(d.name(), d));
        assertEquals(Set.of("jellyfin", "tools-jellyfin-1", "portainer", "sonarr"), byName.keySet());
        assertEquals("media", byName.get("jellyfin").group());
        assertEquals("tools", byName.get("tools-jellyfin-1").group(), "a second project's service of the same name");
        assertEquals("", byName.get("portainer").group(), "no project, no group (the dashboard shows it under Other)");
        assertEquals("media", byName.get("sonarr").group(), "a labelled container without a group takes its project");
        assertEquals("docker", byName.get("portainer").source());
        assertEquals("homepage", byName.get("sonarr").source(), "labels still name the containers they name");
        assertEquals(
                List.of(new PublishedPort("0.0.0.0", 8096, 8096, "tcp")),
                byName.get("jellyfin").ports());
        assertEquals("", byName.get("portainer").url(), "a port is a link, not a URL to check");
        assertTrue(r.skipped().stream()
                .anyMatch(s -> s.container().equals("hidden") && s.reason().equals("hearth.enable=false")));
    }

    @Test
    void labelledKeepsContainersNoLabelNamesOut() {
        DiscoveryReport r = scan(false);
        assertEquals(
                List.of("sonarr"),
                r.found().stream().map(DiscoveredService::name).toList());
        assertTrue(r.skipped().stream()
                .anyMatch(s -> s.container().equals("portainer") && s.reason().startsWith("no hearth.*")));
    }
}
