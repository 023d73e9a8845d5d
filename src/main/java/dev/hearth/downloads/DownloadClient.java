package dev.hearth.downloads;

import dev.hearth.platform.integration.Integration;
import java.util.List;
import java.util.Optional;

/**
 * The capability every download integration offers (qBittorrent, Deluge, Transmission, aria2). Ids are
 * the client's own (a torrent's info-hash in lower-case hex, an aria2 gid). Every call answers within the
 * service's timeout or throws {@code UpstreamException}; none retries a non-idempotent call. Its
 * {@link #poll()} answers a {@link ClientSnapshot}: the tasks and the figures in one reading.
 */
public interface DownloadClient extends Integration {
    /** The service name this client is bound to (several instances of one kind may exist). */
    String serviceName();

    /** The kind's id, as the API shows it (qbittorrent, deluge, transmission, aria2); never decided by. */
    String kind();

    List<DownloadTask> list();

    Optional<TaskDetails> details(String id);

    /** Adds a download and answers its id; for a magnet the id is the info-hash, known before the metadata. */
    String add(AddRequest request);

    void pause(String id);

    void resume(String id);

    void remove(String id, boolean deleteData);

    ClientStats stats();
}
