package dev.hearth.downloads.api;

import dev.hearth.downloads.Task;
import dev.hearth.platform.config.SecretsInUrls;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A task as the API shows it: the exact figures, the seed's human strings next to them ({@code speed},
 * {@code eta_human}, {@code size_human}), the seed's {@code filename} and {@code url}, and whether its
 * client is online (an offline client's tasks show their last known state).
 */
public record TaskView(
        String id,
        String client,
        String clientTaskId,
        String name,
        String filename,
        String type,
        String status,
        double progress,
        long size,
        String sizeHuman,
        long downloaded,
        String downloadedHuman,
        long downloadSpeed,
        long uploadSpeed,
        String speed,
        long eta,
        String etaHuman,
        double ratio,
        int seeds,
        int peers,
        String savePath,
        String category,
        String url,
        String addedBy,
        Instant startTime,
        @Nullable Instant completedAt,
        @Nullable String libraryPath,
        @Nullable String error,
        String clientState) {

    static TaskView of(Task t, String clientState) {
        String name = t.name().isEmpty() ? t.clientTaskId() : t.name();
        double progress = Math.round(t.progress() * 10) / 10.0;
        return new TaskView(
                t.id(),
                t.client(),
                t.clientTaskId(),
                name,
                name,
                t.type().name().toLowerCase(Locale.ROOT),
                t.status().id(),
                progress,
                t.size(),
                Human.size(t.size()),
                t.downloaded(),
                Human.size(t.downloaded()),
                t.downloadSpeed(),
                t.uploadSpeed(),
                Human.rate(t.downloadSpeed()),
                t.eta(),
                Human.eta(t.eta()),
                t.ratio(),
                t.seeds(),
                t.peers(),
                t.savePath(),
                t.category(),
                t.source().startsWith("upload:") ? "" : SecretsInUrls.redact(t.source()),
                t.addedBy(),
                t.startTime(),
                t.completedAt(),
                t.libraryPath(),
                t.error(),
                clientState);
    }
}
