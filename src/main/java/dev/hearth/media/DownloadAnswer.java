package dev.hearth.media;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What {@code media.download} did and why: added to an *arr manager, handed an indexer's release to a download
 * client, found it already managed, or could not choose ({@code candidates} then lists what the title could
 * mean, to ask again with a year or the full title).
 */
public record DownloadAnswer(
        Outcome outcome,
        String title,
        @Nullable Integer year,
        String kind,
        String via,
        String reason,
        @Nullable String release,
        @Nullable String taskId,
        List<Candidate> candidates) {

    public DownloadAnswer {
        candidates = List.copyOf(candidates);
    }

    public enum Outcome {
        ADDED,
        ALREADY_MANAGED,
        DOWNLOADING,
        AMBIGUOUS,
        NOT_FOUND;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One thing the title could mean. */
    public record Candidate(String title, @Nullable Integer year, String detail) {}
}
