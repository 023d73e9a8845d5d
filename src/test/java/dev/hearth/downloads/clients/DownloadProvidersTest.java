package dev.hearth.downloads.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.downloads.DownloadCapability;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationKinds;
import dev.hearth.testing.DownloadClientContract;
import dev.hearth.testing.Ports;
import dev.hearth.testing.Targets;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What every download kind in the registry promises, whichever it is: a new kind is covered by being
 * registered, with nobody to remember to add it here.
 */
class DownloadProvidersTest {

    private static final Set<String> SECRET_NAMES = Set.of("password", "token");

    /** The kinds of the application (test-only fakes left out). */
    private static List<IntegrationKind<?>> kinds() {
        return IntegrationKinds.load().offering(DownloadClient.class).stream()
                .filter(k -> !k.getClass().getName().startsWith("dev.hearth.fakes."))
                .toList();
    }

    @Test
    void everyDownloadKindDeclaresItsCapabilityAndMarksItsSecrets() {
        assertTrue(
                kinds().size() >= 4,
                "the four download clients are registered: "
                        + kinds().stream().map(IntegrationKind::id).toList());
        for (IntegrationKind<?> k : kinds()) {
            DownloadCapability c = k.capability(DownloadCapability.class)
                    .orElseThrow(() -> new AssertionError(k.id() + ": no DownloadCapability"));
            assertTrue(
                    c.has(DownloadCapability.Feature.TORRENTS) || c.has(DownloadCapability.Feature.LINKS),
                    k.id() + " takes something");
            assertFalse(k.documentation().isBlank(), k.id());
            for (RecordComponent f : k.settings().getRecordComponents()) {
                assertEquals(
                        SECRET_NAMES.contains(f.getName()),
                        f.isAnnotationPresent(Secret.class),
                        k.id() + "." + f.getName());
            }
        }
    }

    @Test
    void nothingListeningIsOfflineWithACommunicationErrorAndNoSecretInTheMessage() {
        URI closed = URI.create("http://127.0.0.1:" + Ports.free() + "/");
        try (HttpStack stack = Targets.stack()) {
            for (IntegrationKind<?> k : kinds()) {
                Map<String, String> settings = new java.util.HashMap<>();
                for (RecordComponent f : k.settings().getRecordComponents()) settings.put(f.getName(), "sekret-value");
                DownloadClient client = (DownloadClient) Targets.create(stack, k.id(), k.id(), closed, settings);
                assertEquals(k.id(), client.kind());

                Health health = client.poll().health();

                assertEquals(Health.Status.OFFLINE, health.status(), k.id());
                assertEquals(Health.Detail.COMMUNICATION_ERROR, health.detail(), k.id());
                assertTrue(health.message().contains("refused"), health.message());
                assertFalse(health.message().contains("sekret-value"), health.message());
            }
        }
    }

    /** A kind without a test against its real program (or its double) would be a kind nobody proved. */
    @Test
    void everyDownloadKindHasAContractTestAgainstItsProgram() throws Exception {
        Set<String> covered = new TreeSet<>();
        for (String test : List.of(
                "dev.hearth.downloads.qbittorrent.QbittorrentClientTest",
                "dev.hearth.downloads.deluge.DelugeClientTest",
                "dev.hearth.downloads.transmission.TransmissionClientTest",
                "dev.hearth.downloads.aria2.Aria2ClientTest")) {
            Class<?> c = Class.forName(test);
            assertTrue(
                    DownloadClientContract.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()), test);
        }
        try (var classes = java.nio.file.Files.walk(java.nio.file.Path.of("target/test-classes/dev/hearth"))) {
            for (java.nio.file.Path p : classes.filter(f -> f.toString().endsWith("ClientTest.class"))
                    .toList()) {
                String name = java.nio.file.Path.of("target/test-classes")
                        .relativize(p)
                        .toString()
                        .replace('/', '.')
                        .replace(".class", "");
                Class<?> c = Class.forName(name);
                if (DownloadClientContract.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                    var ctor = c.getDeclaredConstructor();
                    ctor.setAccessible(true);
                    var kind = DownloadClientContract.class.getDeclaredMethod("kind");
                    kind.setAccessible(true);
                    covered.add((String) kind.invoke(ctor.newInstance()));
                }
            }
        }
        assertEquals(
                new TreeSet<>(kinds().stream().map(IntegrationKind::id).toList()),
                covered,
                "each download kind needs a subclass of DownloadClientContract (…ClientTest) against its real program or double");
        assertTrue(Arrays.stream(DownloadClientContract.class.getDeclaredMethods())
                .anyMatch(m -> m.getName().equals("kind")));
    }
}
