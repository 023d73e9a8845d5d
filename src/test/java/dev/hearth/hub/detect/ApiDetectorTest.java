package dev.hearth.hub.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.fakes.hub.HubDouble.Reply;
import dev.hearth.fakes.hub.ScriptedService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiDetectorTest {
    private final List<AutoCloseable> open = new ArrayList<>();
    private final ApiDetector detector = new ApiDetector(
            new DetectionLimits(Duration.ofMillis(2000), 64, 16 * 1024), Clock.systemUTC(), new ObjectMapper());

    @AfterEach
    void close() throws Exception {
        detector.close();
        for (AutoCloseable c : open) c.close();
    }

    private ScriptedService service() {
        ScriptedService s = new ScriptedService();
        open.add(s);
        return s;
    }

    private static String base(ScriptedService s) {
        return "http://127.0.0.1:" + s.port();
    }

    @Test
    void theCatalogueKnowsAtLeastThirtyFiveServicesAndMatchesByNameOrImage() {
        assertTrue(
                KnownServices.all().size() >= 35,
                "known: " + KnownServices.all().size());
        Set<String> types = new HashSet<>();
        KnownServices.all().forEach(k -> assertTrue(types.add(k.type()), "twice: " + k.type()));
        assertEquals(
                "calibre-web",
                KnownServices.match("books", "lscr.io/linuxserver/calibre-web:latest")
                        .orElseThrow()
                        .type());
        assertEquals(
                "sonarr", KnownServices.match("my-sonarr", "").orElseThrow().type());
        assertEquals(
                "qbittorrent",
                KnownServices.match("torrents", "qbittorrentofficial/qbittorrent-nox:5")
                        .orElseThrow()
                        .type());
        assertTrue(KnownServices.match("photos-of-cats", "nginx:alpine").isEmpty());
    }

    @Test
    void labelsComeFirstAndTheSeedsFamilyWorksToo() {
        ScriptedService s = service();
        DetectedApi hearth = detector.detect(new DetectionInput(
                "sonarr", base(s), "", Map.of("hearth.api.type", "radarr", "hearth.api.endpoint", "/custom/api")));
        assertEquals("label", hearth.method());
        assertEquals("radarr", hearth.type());
        assertEquals(base(s) + "/custom/api", hearth.apiBase());
        assertEquals("api_key_header", hearth.authStyle());
        DetectedApi seed = detector.detect(new DetectionInput(
                "thing", base(s), "", Map.of("homelab.api.enabled", "true", "homelab.api.type", "portainer")));
        assertEquals("portainer", seed.type());
        assertEquals(base(s) + "/api", seed.apiBase());
        DetectedApi off =
                detector.detect(new DetectionInput("sonarr", base(s), "", Map.of("homelab.api.enabled", "false")));
        assertFalse(off.found(), "an API switched off by label is not looked for");
        DetectedApi climbing = detector.detect(
                new DetectionInput("x", base(s), "", Map.of("hearth.api.endpoint", "http://169.254.169.254/latest")));
        assertEquals(base(s), climbing.apiBase(), "a label cannot point the API off the service's address");
        assertTrue(s.requests.isEmpty(), "labels alone decide: nothing probed");
    }

    @Test
    void aKnownNameIsTakenAndItsVersionReadWhereItSaysItWithoutCredentials() {
        ScriptedService s = service()
                .answer(r -> r.rawPath().equals("/api/v1/status")
                        ? Reply.json(200, Map.of("version", "1.33.2", "commitTag", "abc"))
                        : Reply.json(404, Map.of()));
        DetectedApi d = detector.detect(new DetectionInput("overseerr", base(s), "", Map.of()));
        assertEquals("name", d.method());
        assertEquals("overseerr", d.type());
        assertEquals("1.33.2", d.version());
        assertEquals(base(s) + "/api/v1", d.apiBase());
        assertNotNull(d.offer());
        assertEquals("overseerr", d.offer().kind());
    }

    @Test
    void probingFindsAnUnknownApiByItsJsonAnswerAndNamesItsAuthWhenItOnlyRefuses() {
        ScriptedService open = service()
                .answer(r -> r.rawPath().equals("/api/v2/app/version")
                        ? Reply.text(200, "v5.0.0")
                        : r.rawPath().equals("/api/v1/system/status")
                                ? Reply.json(200, Map.of("appName", "Whatsit", "version", "4.2"))
                                : Reply.html(200, "<html>login</html>"));
        DetectedApi d = detector.detect(new DetectionInput("mystery", base(open), "", Map.of()));
        assertTrue(d.found());
        assertEquals("probe", d.method());
        assertEquals("/api/v1/system/status", d.probedPath());
        assertEquals(base(open) + "/api/v1", d.apiBase());
        assertEquals("whatsit", d.type());
        assertEquals("4.2", d.version());
        Set<String> probed = new HashSet<>();
        open.requests.forEach(r -> probed.add(r.rawPath()));
        assertTrue(probed.containsAll(ProbePaths.COMMON.subList(0, 7)), "probed: " + probed);

        ScriptedService locked = service()
                .answer(r -> r.rawPath().equals("/api/health")
                        ? Reply.json(401, Map.of("error", "unauthorized"))
                                .withHeader("WWW-Authenticate", "Basic realm=x")
                        : Reply.html(404, "no"));
        DetectedApi l = detector.detect(new DetectionInput("vault-thing", base(locked), "", Map.of()));
        assertTrue(l.found());
        assertEquals("basic", l.authStyle());
        assertEquals(base(locked) + "/api", l.apiBase());

        ScriptedService page = service().answer(r -> Reply.html(200, "<html>just a page</html>"));
        assertFalse(detector.detect(new DetectionInput("blog", base(page), "", Map.of()))
                .found());
    }

    @Test
    void probesStayOnTheRegisteredAddressAndFollowNoRedirect() {
        ScriptedService elsewhere = service();
        ScriptedService s =
                service().answer(r -> Reply.text(302, "").withHeader("Location", base(elsewhere) + "/api/status"));
        DetectedApi d = detector.detect(new DetectionInput("redirecting", base(s), "", Map.of()));
        assertFalse(d.found());
        assertTrue(elsewhere.requests.isEmpty(), "a redirect was followed: " + elsewhere.requests);
        assertEquals(20, s.requests.size(), "the address once, then the 19 paths, each once");
    }

    /** Ten services that accept a connection and never answer, beside forty that answer: one timeout, not ten. */
    @Test
    void fiftyServicesWithTenDeadAreDetectedWithinAboutOneProbeTimeout() throws Exception {
        List<DetectionInput> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ScriptedService s = service()
                    .answer(r -> r.rawPath().equals("/api/status")
                            ? Reply.json(200, Map.of("version", "1"))
                            : Reply.html(404, "no"));
            inputs.add(new DetectionInput("svc" + i, base(s), "", Map.of()));
        }
        for (int i = 0; i < 10; i++) {
            Silent dead = new Silent();
            open.add(dead);
            inputs.add(new DetectionInput("dead" + i, "http://127.0.0.1:" + dead.port(), "", Map.of()));
        }
        long t0 = System.nanoTime();
        List<DetectedApi> all = detector.detectAll(inputs);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf(
                "detected 50 services (10 of them never answering, probe timeout 2 s) in %d ms%n", took.toMillis());
        assertEquals(40, all.stream().filter(DetectedApi::found).count());
        all.subList(40, 50).forEach(d -> assertFalse(d.found(), d.service()));
        assertTrue(
                took.compareTo(Duration.ofMillis(2000 * 3)) < 0,
                "took " + took + " for a probe timeout of 2 s (their sum would be 20 s)");
    }

    @Test
    void apiRootsAreTakenFromTheProbedPath() {
        assertEquals("/api/v1", ApiDetector.apiRoot("/api/v1/system/status"));
        assertEquals("/api", ApiDetector.apiRoot("/api/health"));
        assertEquals("", ApiDetector.apiRoot("/healthz"));
    }

    /** Accepts connections and never says a word: the worst dead service (a hung process, a black-holed port). */
    private static final class Silent implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Silent() throws IOException {
            socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            for (Socket s : held) s.close();
            acceptor.join(Duration.ofSeconds(2));
        }
    }
}
