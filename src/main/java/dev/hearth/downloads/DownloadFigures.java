package dev.hearth.downloads;

import dev.hearth.services.ServiceFigures;
import jakarta.inject.Singleton;
import java.util.Optional;

/** A download client's transfer figures for {@code GET /api/v1/services/{name}/stats} (the seed Moccha's shape). */
@Singleton
public class DownloadFigures implements ServiceFigures {
    private final DownloadService downloads;

    public DownloadFigures(DownloadService downloads) {
        this.downloads = downloads;
    }

    @Override
    public Optional<Record> figuresOf(String service) {
        return ClientStatsView.isClient(downloads, service)
                ? Optional.of(ClientStatsView.of(downloads, service))
                : Optional.empty();
    }
}
