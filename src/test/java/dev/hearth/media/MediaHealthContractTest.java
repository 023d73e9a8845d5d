package dev.hearth.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.media.FakeMediaService;
import dev.hearth.fakes.media.MediaDoubles;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.testing.Ports;
import dev.hearth.testing.Targets;
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
 * registered providers, so a new kind is covered (and needs a double) without anyone adding it here.
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

    static List<String> kindsWithRequiredCredentials() {
        try (HttpStack stack = Targets.stack()) {
            return kinds().stream().filter(k -> MediaKinds.descriptor(k, stack).fields().stream()
                    .anyMatch(IntegrationDescriptor.Field::required)).toList();
        }
    }

    /** Each media package registers its provider as a bean; one without the annotation would silently not exist. */
    @Test
    void theNineMediaKindsAreRegistered() {
        assertEquals(List.of("emby", "jellyfin", "overseerr", "plex", "prowlarr", "radarr", "sonarr", "tautulli", "torznab"), kinds());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theDescriptorMarksEveryCredentialSecret(String kind) {
        IntegrationDescriptor d = MediaKinds.descriptor(kind, http);
        assertFalse(d.fields().isEmpty(), kind);
        for (IntegrationDescriptor.Field f : d.fields()) {
            assertTrue(SECRET_NAMES.contains(f.name()) == f.secret(), kind + "." + f.name() + " secret=" + f.secret());
            assertFalse(f.description().isBlank(), kind + "." + f.name() + " says where to find it");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withTheRightKeyItIsOnlineAndSaysWhatAnswered(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            Health h = MediaKinds.connect(http, kind, fake).checkHealth();
            assertEquals(Health.Status.ONLINE, h.status(), h.message());
            assertTrue(h.message().matches(".*\\d+\\.\\d+.*"), "names a version: " + h.message());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRefusedKeyIsAnAuthErrorThatNeverQuotesTheKey(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            Health h = MediaKinds.connect(http, kind, fake.baseUrl(), fake.wrongCredentials()).checkHealth();
            assertEquals(Health.Status.OFFLINE, h.status());
            assertEquals(Health.Detail.AUTH_ERROR, h.detail(), h.message());
            for (String secret : fake.wrongCredentials().values()) assertFalse(h.message().contains(secret), h.message());
        }
    }

    @ParameterizedTest
    @MethodSource("kindsWithRequiredCredentials")
    void aMissingRequiredCredentialIsAConfigurationErrorNamingIt(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            for (IntegrationDescriptor.Field f : MediaKinds.descriptor(kind, http).fields()) {
                if (!f.required()) continue;
                Map<String, String> without = new HashMap<>(fake.credentials());
                without.remove(f.name());
                Health h = MediaKinds.connect(http, kind, fake.baseUrl(), without).checkHealth();
                assertEquals(Health.Detail.CONFIGURATION_ERROR, h.detail(), h.message());
                assertTrue(h.message().contains("credentials." + f.name()), h.message());
                assertTrue(fake.requests.isEmpty(), "nothing is asked of the upstream without the key");
            }
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
        Health h = MediaKinds.connect(http, kind, "http://127.0.0.1:" + Ports.free() + "/", credentials).checkHealth();
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
            Health h = MediaKinds.connect(http, kind, fake).checkHealth();
            assertEquals(Health.Detail.COMMUNICATION_ERROR, h.detail(), h.message());
            assertTrue(h.message().contains("503"), h.message());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anAddressThatMissesTheApiIsAConfigurationError(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            Health h = MediaKinds.connect(http, kind, fake.url() + "/not-this-app/", fake.credentials()).checkHealth();
            assertEquals(Health.Detail.CONFIGURATION_ERROR, h.detail(), h.message());
            assertTrue(h.message().contains("404"), h.message());
        }
    }
}
