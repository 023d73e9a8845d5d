package dev.hearth.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hearth.platform.config.ConfigEnvironment;
import dev.hearth.platform.config.ConfigLoader;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.services.DockerConfig;
import dev.hearth.services.ServiceEntry;
import dev.hearth.services.ServicesConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Compose examples in packaging/compose, as Compose reads them ({@code docker-compose config}: v1.29 here,
 * the same file format as {@code docker compose}), and Hearth's part of each as Hearth reads it.
 */
class ComposeExamplesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> USER_ENV =
            Map.of("DOMAIN", "home.example.org", "QBIT_PASSWORD", "s3cret", "DOCKER_GID", "998");

    /** {@code docker-compose config}: the file as Compose understands it, variables filled in; fails on a file it refuses. */
    private static JsonNode config(String example, Map<String, String> env) throws Exception {
        Path file = Path.of("packaging/compose", example, "compose.yaml");
        ProcessBuilder pb =
                new ProcessBuilder("docker-compose", "-f", file.toString(), "config").redirectErrorStream(false);
        pb.environment().keySet().removeIf(k -> USER_ENV.containsKey(k) || k.startsWith("HEARTH_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), example + ": " + err);
        assertEquals("", err.strip(), "docker-compose has no warning about " + example);
        return YAML.readTree(out);
    }

    /** Hearth's configuration from a service's environment (and its hearth.yml), exactly as Hearth would read it. */
    private static HearthConfig hearthsView(JsonNode service, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        service.path("environment")
                .properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        ConfigEnvironment environment = new ConfigEnvironment(
                name -> Optional.ofNullable(env.get(ConfigEnvironment.envName(name))),
                name -> Optional.ofNullable(env.get(name)));
        return new ConfigLoader(environment).load();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        return out;
    }

    private static List<String> volumeTargets(JsonNode service) {
        List<String> out = new ArrayList<>();
        service.path("volumes")
                .forEach(v -> out.add(
                        v.isTextual()
                                ? v.asText().split(":")[1]
                                : v.path("target").asText()));
        return out;
    }

    @Test
    void hearthAloneKeepsItsDataInAVolumeAndManagesContainersThroughTheSocket() throws Exception {
        JsonNode hearth = config("hearth", USER_ENV).path("services").path("hearth");
        assertTrue(texts(hearth.path("ports")).stream().anyMatch(p -> p.contains("4327")), hearth.toString());
        assertTrue(
                volumeTargets(hearth).containsAll(List.of("/var/lib/hearth", "/var/run/docker.sock")),
                hearth.toString());
        assertEquals(List.of("998"), texts(hearth.path("group_add")));
        HearthConfig seen = hearthsView(hearth, Map.of());
        assertEquals(
                "unix:///var/run/docker.sock",
                seen.section(DockerConfig.class).endpoints().getFirst().host());
    }

    @Test
    void behindTheProxiesHearthReachesDockerOnlyThroughTheSocketProxyAndTrustsOnlyTraefik() throws Exception {
        JsonNode compose = config("proxied", USER_ENV);
        JsonNode services = compose.path("services");
        JsonNode hearth = services.path("hearth");
        assertFalse(volumeTargets(hearth).contains("/var/run/docker.sock"), "Hearth has no socket of its own");
        assertTrue(
                hearth.path("ports").isMissingNode() || hearth.path("ports").isEmpty(), "only Traefik publishes ports");

        Map<String, String> proxy = new TreeMap<>();
        services.path("socket-proxy")
                .path("environment")
                .properties()
                .forEach(e -> proxy.put(e.getKey(), e.getValue().asText()));
        Set<String> allowed =
                Set.of("CONTAINERS", "EVENTS", "VERSION", "PING", "ALLOW_START", "ALLOW_STOP", "ALLOW_RESTARTS");
        proxy.forEach((section, value) -> assertEquals(allowed.contains(section) ? "1" : "0", value, section));
        assertEquals("0", proxy.get("POST"), "no writes but start, stop and restart");
        assertTrue(
                compose.path("networks").path("docker-api").path("internal").asBoolean(),
                "the proxy's network leads nowhere else");
        assertEquals(
                List.of("docker-api"),
                iterable(services.path("socket-proxy").path("networks").fieldNames()));

        JsonNode labels = hearth.path("labels");
        assertEquals(
                "Host(`hearth.home.example.org`)",
                labels.path("traefik.http.routers.hearth.rule").asText());
        assertEquals(
                "authelia@docker",
                labels.path("traefik.http.routers.hearth.middlewares").asText());
        assertTrue(
                labels.path("traefik.http.routers.hearth-api.middlewares").isMissingNode(),
                "API keys, no Authelia, on hearth-api");
        JsonNode authelia = services.path("authelia").path("labels");
        assertEquals(
                "http://authelia:9091/api/authz/forward-auth",
                authelia.path("traefik.http.middlewares.authelia.forwardauth.address")
                        .asText());
        assertTrue(authelia.path("traefik.http.middlewares.authelia.forwardauth.authResponseHeaders")
                .asText()
                .contains("Remote-Groups"));

        HearthConfig seen = hearthsView(hearth, Map.of());
        assertEquals(
                "tcp://socket-proxy:2375",
                seen.section(DockerConfig.class).endpoints().getFirst().host());
        assertTrue(seen.security().forwardAuth().enabled());
        String traefik = services.path("traefik")
                .path("networks")
                .path("edge")
                .path("ipv4_address")
                .asText();
        assertEquals(List.of(traefik), seen.security().trustedProxies());
        assertEquals("home.example.org", seen.domain());
    }

    @Test
    void withoutADomainTheProxiedExampleIsRefusedWithTheReason() throws Exception {
        Path file = Path.of("packaging/compose/proxied/compose.yaml");
        ProcessBuilder pb =
                new ProcessBuilder("docker-compose", "-f", file.toString(), "config").redirectErrorStream(true);
        pb.environment().remove("DOMAIN");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("set DOMAIN"), out);
    }

    @Test
    void theMediaStackSharesOneDataFolderAndItsHearthYmlIsOneHearthAccepts() throws Exception {
        JsonNode services = config("media", USER_ENV).path("services");
        assertEquals(Set.of("hearth", "qbittorrent", "jellyfin"), Set.copyOf(iterable(services.fieldNames())));
        assertTrue(volumeTargets(services.path("hearth"))
                .containsAll(List.of("/data", "/etc/hearth/hearth.yml", "/var/lib/hearth")));
        assertTrue(volumeTargets(services.path("qbittorrent")).contains("/data"));
        assertTrue(volumeTargets(services.path("jellyfin")).contains("/data/media"));

        HearthConfig seen =
                hearthsView(services.path("hearth"), Map.of("HEARTH_CONFIG", "packaging/compose/media/hearth.yml"));
        ServiceEntry qbit = seen.section(ServicesConfig.class).services().stream()
                .filter(s -> s.name().equals("qbittorrent"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "s3cret",
                qbit.credentials().path("password").asText(),
                "the password comes from the compose environment");
        assertEquals("qbittorrent", qbit.runtime().docker().container());
        assertEquals("http://qbittorrent:8080", qbit.url());
        assertTrue(seen.section(ServicesConfig.class).services().stream()
                .anyMatch(s -> s.name().equals("jellyfin")
                        && s.runtime().docker().container().equals("jellyfin")));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
