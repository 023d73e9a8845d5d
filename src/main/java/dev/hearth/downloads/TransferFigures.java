package dev.hearth.downloads;

import dev.hearth.downloads.internal.ClientDirectory;
import dev.hearth.downloads.internal.TaskStore;
import dev.hearth.services.StatusFigures;
import jakarta.inject.Singleton;
import java.util.Optional;

/** A download client's line on the status blocks: its active tasks and rate as the last poll stored them. */
@Singleton
class TransferFigures implements StatusFigures {
    private final ClientDirectory clients;
    private final TaskStore store;

    TransferFigures(ClientDirectory clients, TaskStore store) {
        this.clients = clients;
        this.store = store;
    }

    @Override
    public Optional<Figures> figures(String service) {
        // Figures exist only for a client a poll has read: asked first, so the status of 200 services does not
        // walk the registry once per service to learn that most are no download client (200 × 200 steps).
        if (clients.stats(service).isEmpty() || clients.find(service).isEmpty()) return Optional.empty();
        long active = store.list(new StatusFilter.Active(), service, null, 1, 0).total();
        long speed = clients.stats(service).map(ClientStats::downloadSpeed).orElse(0L);
        return Optional.of(new Transferring(active, speed));
    }
}
