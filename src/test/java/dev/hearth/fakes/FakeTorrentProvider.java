package dev.hearth.fakes;

import dev.hearth.downloads.DownloadClient;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers the test-only integration {@code fake-torrent}: a service with it gets a {@link FakeDownloadClient}.
 * Its {@code kind} credential makes it pose as a kind (aria2 takes plain links). Tests reach the instances here.
 */
@Singleton
public class FakeTorrentProvider implements IntegrationProvider {
    public static final String ID = "fake-torrent";
    private final Map<String, FakeDownloadClient> clients = new ConcurrentHashMap<>();

    @Override
    public IntegrationDescriptor descriptor() {
        return new IntegrationDescriptor(ID, "Fake download client (tests)", Set.of(DownloadClient.class),
                List.of(new IntegrationDescriptor.Field("kind", false, false, "the kind it poses as: qbittorrent (default) or aria2")),
                target -> clients.computeIfAbsent(target.serviceName(),
                        n -> new FakeDownloadClient(descriptor(), n, target.credentials().getOrDefault("kind", "qbittorrent"))));
    }

    public FakeDownloadClient client(String serviceName) {
        FakeDownloadClient c = clients.get(serviceName);
        if (c == null) throw new IllegalStateException("no fake client bound to service " + serviceName + " (have " + clients.keySet() + ")");
        return c;
    }
}
