package dev.hearth.downloads.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.aria2.Aria2Provider;
import dev.hearth.downloads.deluge.DelugeProvider;
import dev.hearth.downloads.qbittorrent.QbittorrentProvider;
import dev.hearth.downloads.transmission.TransmissionProvider;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import dev.hearth.testing.Ports;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every download provider promises the registry, and how each answers when nothing listens. */
class DownloadProvidersTest {

    private static final Set<String> SECRET_NAMES = Set.of("password", "token");

    @Test
    void everyDescriptorOffersDownloadClientAndMarksItsSecrets() {
        try (HttpStack stack = Targets.stack()) {
            List<IntegrationProvider> providers = providers(stack);
            assertEquals(Set.of("qbittorrent", "deluge", "transmission", "aria2"),
                    Set.copyOf(providers.stream().map(p -> p.descriptor().id()).toList()));
            for (IntegrationProvider p : providers) {
                IntegrationDescriptor d = p.descriptor();
                assertEquals(Set.of(DownloadClient.class), d.capabilities(), d.id());
                assertFalse(d.fields().isEmpty(), d.id());
                for (IntegrationDescriptor.Field f : d.fields()) {
                    assertEquals(SECRET_NAMES.contains(f.name()), f.secret(), d.id() + "." + f.name());
                }
            }
        }
    }

    @Test
    void nothingListeningIsOfflineWithACommunicationErrorAndNoSecretInTheMessage() {
        URI closed = URI.create("http://127.0.0.1:" + Ports.free() + "/");
        try (HttpStack stack = Targets.stack()) {
            for (IntegrationProvider p : providers(stack)) {
                Integration integration = p.descriptor().factory().create(Targets.target(p.descriptor().id(), closed,
                        Map.of("username", "u", "password", "sekret-value", "token", "sekret-value")));
                DownloadClient client = (DownloadClient) integration;
                assertEquals(p.descriptor().id(), client.kind());

                Health health = integration.checkHealth();

                assertEquals(Health.Status.OFFLINE, health.status(), p.descriptor().id());
                assertEquals(Health.Detail.COMMUNICATION_ERROR, health.detail(), p.descriptor().id());
                assertTrue(health.message().contains("refused"), health.message());
                assertFalse(health.message().contains("sekret-value"), health.message());
            }
        }
    }

    private static List<IntegrationProvider> providers(HttpStack stack) {
        Clock clock = Clock.systemUTC();
        return List.of(new QbittorrentProvider(stack, clock), new DelugeProvider(stack, clock),
                new TransmissionProvider(stack, clock), new Aria2Provider(stack, clock, dev.hearth.testing.TestConfig.sqlite(java.nio.file.Path.of("target/providers-test"))));
    }
}
