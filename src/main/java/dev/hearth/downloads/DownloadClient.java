package dev.hearth.downloads;

import java.util.List;
import java.util.Optional;

/**
 * The capability every download integration offers (qBittorrent, Deluge, Transmission, aria2). Ids are
 * the client's own (a torrent's info-hash in lower-case hex, an aria2 gid). Every call answers within the
 * service's timeout or throws {@code UpstreamException}; none retries a non-idempotent call.
 */
public interface DownloadClient {
    /** The service name this client is bound to (several instances of one kind may exist). */
    String serviceName();

    /** qbittorrent, deluge, transmission or aria2. */
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
