package dev.hearth.downloads.clients;

import dev.hearth.downloads.ClientSnapshot;
import dev.hearth.downloads.ClientStats;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.util.List;

/** The one poll of a download client: its tasks and figures, or the failure as its health. */
public final class ClientPolls {
    private ClientPolls() {}

    /** {@code product} names what answered ("qBittorrent"), the version comes from the figures just fetched. */
    public static Reading poll(DownloadClient client, Clock clock, String product) {
        long start = System.nanoTime();
        try {
            List<DownloadTask> tasks = client.list();
            ClientStats stats = client.stats();
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new Reading(
                    Health.online(
                            product + " " + stats.version() + ", " + tasks.size() + " tasks, answered in " + ms + " ms",
                            clock.instant(),
                            ms),
                    new ClientSnapshot(tasks, stats));
        } catch (RuntimeException e) {
            return Reading.of(HealthProbe.failed(clock, e, (System.nanoTime() - start) / 1_000_000));
        }
    }
}
