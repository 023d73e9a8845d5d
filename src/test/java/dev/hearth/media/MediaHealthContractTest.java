package dev.hearth.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.media.FakeMediaService;
import dev.hearth.fakes.media.MediaDoubles;
import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.ConfigSchema;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.testing.Ports;
import dev.hearth.testing.Targets;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered media integration promises, against its double: the list of kinds comes from the
 * registry (META-INF/services), so a new kind is covered (and needs a double) without anyone adding it here.
 */
class MediaHealthContractTest {
    private static final Set<String> SECRET_NAMES = Set.of("token", "api_key", "password");
    private static HttpStack http;

    @BeforeAll
    static void stack() {
        http = Targets.stack();
    }

    @AfterAll
    static void close() {
        http.close();
    }

    static List<String> kinds() {
        return MediaKinds.all();
    }

    /** The kinds whose settings cannot be empty: a key the upstream cannot be asked without. */
    static List<String> kindsWithRequiredCredentials() {
        return kinds().stream().filter(k -> !problems(k, Map.of()).isEmpty()).toList();
    }

    /** What the registry says of these credentials for this kind, as it says it at start and in the services API. */
    private static List<String> problems(String kind, Map<String, String> credentials) {
        try (HttpStack stack = Targets.stack()) {
            MediaKinds.connect(stack, kind, "http://127.0.0.1:9/", credentials);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    /** Each media package registers its kind with one line in META-INF/services; one without it would silently not exist. */
    @Test
    void theNineMediaKindsAreRegistered() {
        assertEquals(
                List.of(
                        "emby",
                        "jellyfin",
                        "lidarr",
                        "overseerr",
                        "plex",
                        "prowlarr",
                        "radarr",
                        "readarr",
                        "sonarr",
                        "tautulli",
                        "torznab"),
                kinds());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theSettingsMarkEveryCredentialSecretAndTheDocumentationNamesThem(String kind) {
        IntegrationKind<?> k = MediaKinds.kind(kind);
        RecordComponent[] settings = k.settings().getRecordComponents();
        assertTrue(settings.length > 0, kind);
        for (RecordComponent c : settings) {
            String name = ConfigSchema.snake(c.getName());
            boolean secret =
                    c.isAnnotationPresent(Secret.class) || c.getAccessor().isAnnotationPresent(Secret.class);
            assertEquals(SECRET_NAMES.contains(name), secret, kind + "." + name + " secret=" + secret);
            assertTrue(
                    k.documentation().contains(name),
                    kind + "'s documentation names credentials." + name + ": " + k.documentation());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withTheRightKeyItIsOnlineAndSaysWhatAnswered(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            Health h = MediaKinds.connect(http, kind, fake).poll().health();
            assertEquals(Health.Status.ONLINE, h.status(), h.message());
            assertTrue(h.message().matches(".*\\d+\\.\\d+.*"), "names a version: " + h.message());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRefusedKeyIsAnAuthErrorThatNeverQuotesTheKey(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            Health h = MediaKinds.connect(http, kind, fake.baseUrl(), fake.wrongCredentials())
                    .poll()
                    .health();
            assertEquals(Health.Status.OFFLINE, h.status());
            assertEquals(Health.Detail.AUTH_ERROR, h.detail(), h.message());
            for (String secret : fake.wrongCredentials().values())
                assertFalse(h.message().contains(secret), h.message());
        }
    }

    /**
     * A service without its key is refused where it is configured (hearth.yml at start, the services API at run time),
     * naming the key and where the upstream shows it; a service bound anyway (discovered) gets this as its
     * CONFIGURATION_ERROR health from the registry. No instance exists, so the upstream is never asked.
     */
    @ParameterizedTest
    @MethodSource("kindsWithRequiredCredentials")
    void aMissingRequiredCredentialIsAConfigurationErrorNamingIt(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            int required = 0;
            for (String name : fake.credentials().keySet()) {
                Map<String, String> without = new HashMap<>(fake.credentials());
                without.remove(name);
                if (problems(kind, without).isEmpty()) continue;
                required++;
                ConfigException e = assertThrows(
                        ConfigException.class, () -> MediaKinds.connect(http, kind, fake.baseUrl(), without));
                String problem = String.join("; ", e.problems());
                assertTrue(problem.contains("credentials." + name + ": required: "), problem);
                assertTrue(
                        problem.length() > problem.indexOf("required: ") + "required: ".length() + 10,
                        "says where to find it: " + problem);
            }
            assertTrue(required > 0, "a kind whose empty settings are refused names the key it misses");
            assertTrue(fake.requests.isEmpty(), "nothing is asked of the upstream without the key");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void nothingListeningIsACommunicationErrorWithinTheTimeout(String kind) throws Exception {
        Map<String, String> credentials;
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            credentials = fake.credentials();
        }
        long start = System.nanoTime();
        Health h = MediaKinds.connect(http, kind, "http://127.0.0.1:" + Ports.free() + "/", credentials)
                .poll()
                .health();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Health.Detail.COMMUNICATION_ERROR, h.detail(), h.message());
        assertTrue(took.compareTo(Targets.TIMEOUT) < 0, "answered after " + took);
        assertTrue(h.message().contains("refused"), h.message());
        for (String secret : credentials.values()) assertFalse(h.message().contains(secret), h.message());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anUpstreamAnswering503IsACommunicationError(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            fake.outage(503);
            Health h = MediaKinds.connect(http, kind, fake).poll().health();
            assertEquals(Health.Detail.COMMUNICATION_ERROR, h.detail(), h.message());
            assertTrue(h.message().contains("503"), h.message());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anAddressThatMissesTheApiIsAConfigurationError(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            Health h = MediaKinds.connect(http, kind, fake.url() + "/not-this-app/", fake.credentials())
                    .poll()
                    .health();
            assertEquals(Health.Detail.CONFIGURATION_ERROR, h.detail(), h.message());
            assertTrue(h.message().contains("404"), h.message());
        }
    }

    /** The API path each product's own docs and clients put in its address (Sonarr's …/api/v3). */
    private static final Map<String, String> API_PATHS = Map.of(
            "sonarr",
            "api/v3",
            "radarr",
            "api/v3",
            "prowlarr",
            "api/v1",
            "overseerr",
            "api/v1",
            "tautulli",
            "api/v2",
            "torznab",
            "api");

    static List<String> kindsWithAnApiPath() {
        return kinds().stream().filter(API_PATHS::containsKey).toList();
    }

    /** An address written the way the product's docs write it, with its API path, reaches the same API. */
    @ParameterizedTest
    @MethodSource("kindsWithAnApiPath")
    void theAddressMayBeWrittenWithTheApiPath(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            String written = fake.baseUrl().replaceAll("/+$", "") + "/" + API_PATHS.get(kind);
            Health h = MediaKinds.connect(http, kind, written, fake.credentials())
                    .poll()
                    .health();
            assertEquals(Health.Status.ONLINE, h.status(), written + ": " + h.message());
        }
    }
}
