package dev.hearth.services.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.services.docker.ContainerSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of discovery that the real-engine API test does not reach: precedence, conflicts, compose names. */
class LabelDiscoveryTest {
    private static ContainerSummary container(String name, Map<String, String> labels) {
        return new ContainerSummary(
                "id-" + name,
                List.of(name),
                "img",
                "running",
                "Up",
                dev.hearth.services.docker.ContainerHealth.NONE,
                labels,
                Instant.EPOCH);
    }

    private static DiscoveryReport scan(
            List<ContainerSummary> containers, List<TraefikRouter> routers, Set<String> taken) {
        return LabelDiscovery.scan(Map.of("local", containers), routers, taken, Set.of("http", "qbittorrent"));
    }

    @Test
    void hearthLabelsWinOverHomepageAndTraefikOnTheSameContainer() {
        DiscoveryReport r = scan(
                List.of(container(
                        "qb",
                        Map.of(
                                "hearth.enable",
                                "true",
                                "hearth.name",
                                "torrents",
                                "homepage.name",
                                "qBittorrent",
                                "traefik.http.routers.qb.rule",
                                "Host(`qb.home`)"))),
                List.of(),
                Set.of());
        assertEquals("torrents", r.found().getFirst().name());
        assertEquals("hearth", r.found().getFirst().source());
    }

    @Test
    void aHomepageWidgetTypeThatNamesAnIntegrationIsUsed() {
        DiscoveryReport r = scan(
                List.of(container(
                        "qb",
                        Map.of(
                                "homepage.name",
                                "qBittorrent",
                                "homepage.widget.type",
                                "qbittorrent",
                                "homepage.href",
                                "http://qb.home"))),
                List.of(),
                Set.of());
        assertEquals("qbittorrent", r.found().getFirst().integration());
        assertEquals("qbittorrent", r.found().getFirst().name());
    }

    @Test
    void aNameTakenByHearthYmlOrAnotherContainerIsSkippedWithTheReason() {
        DiscoveryReport r = scan(
                List.of(
                        container("a", Map.of("hearth.enable", "true", "hearth.name", "plex")),
                        container("b", Map.of("hearth.enable", "true", "hearth.name", "web")),
                        container("c", Map.of("hearth.enable", "true", "hearth.name", "web")),
                        container("d", Map.of("hearth.enable", "true", "hearth.name", "Bad Name")),
                        container("e", Map.of("hearth.enable", "yes"))),
                List.of(),
                Set.of("plex"));
        assertEquals(
                List.of("web"), r.found().stream().map(DiscoveredService::name).toList());
        assertEquals(
                List.of(
                        "name 'plex' is already configured in hearth.yml",
                        "name 'web' was already found on another container",
                        "name 'Bad Name' (from hearth labels) is not a valid service name: lower-case letters, digits, - or _",
                        "hearth.enable is 'yes', not true"),
                r.skipped().stream().map(SkippedContainer::reason).toList());
    }

    @Test
    void traefikDefaultRuleRoutersMatchComposeServicesAndTlsMeansHttps() {
        ContainerSummary c = container(
                "stack-whoami-1",
                Map.of("com.docker.compose.project", "stack", "com.docker.compose.service", "whoami"));
        DiscoveryReport r = scan(
                List.of(c),
                List.of(
                        new TraefikRouter("api@internal", "PathPrefix(`/api`)", "api@internal", "internal", false),
                        new TraefikRouter(
                                "whoami-stack@docker", "Host(`whoami.home`)", "whoami-stack", "docker", true)),
                Set.of());
        DiscoveredService s = r.found().getFirst();
        assertEquals("whoami", s.name());
        assertEquals("https://whoami.home", s.url());
        assertEquals("traefik-api", s.source());
    }

    @Test
    void aTraefikRouterOnTheWebsecureEntrypointIsHttps() {
        DiscoveryReport r = scan(
                List.of(container(
                        "sonarr",
                        Map.of(
                                "traefik.http.routers.tv.rule",
                                "Host(`tv.home`) && PathPrefix(`/`)",
                                "traefik.http.routers.tv.entrypoints",
                                "websecure"))),
                List.of(),
                Set.of());
        assertEquals("https://tv.home", r.found().getFirst().url());
        assertEquals("sonarr", r.found().getFirst().name());
    }
}
