package dev.hearth.downloads;

import dev.hearth.platform.web.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Which tasks a list shows: the seed's groups (active, completed, failed), all, or one exact status.
 * "completed" means the data is complete — a torrent still seeding is in it — so a list of completed
 * downloads does not change when a client stops seeding.
 */
public sealed interface StatusFilter {
    record Active() implements StatusFilter {}

    record Completed() implements StatusFilter {}

    record Failed() implements StatusFilter {}

    record All() implements StatusFilter {}

    record Exactly(TaskStatus status) implements StatusFilter {}

    static StatusFilter parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) return new All();
        String s = raw.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "active" -> new Active();
            case "completed" -> new Completed();
            case "failed" -> new Failed();
            case "all" -> new All();
            default ->
                Arrays.stream(TaskStatus.values())
                        .filter(t -> t.id().equals(s))
                        .findFirst()
                        .<StatusFilter>map(Exactly::new)
                        .orElseThrow(() -> new ApiException(
                                dev.hearth.platform.web.ErrorCode.INVALID_INPUT,
                                "status: '" + raw + "' is not a task filter",
                                Map.of(
                                        "field",
                                        "status",
                                        "allowed",
                                        Stream.concat(
                                                        Stream.of("active", "completed", "failed", "all"),
                                                        Arrays.stream(TaskStatus.values())
                                                                .map(TaskStatus::id))
                                                .toList())));
        };
    }
}
