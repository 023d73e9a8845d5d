package dev.hearth.compat.mltb;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.hearth.compat.CompatFigures;
import dev.hearth.downloads.Task;
import dev.hearth.downloads.UserStats;
import java.time.Instant;
import java.util.List;

/** MLTB's answers in its camelCase names, sizes, speeds and ETAs as its strings. */
final class MltbViews {
    private MltbViews() {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Health(String status, String version, Instant timestamp) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Stats(
            String version,
            String uptime,
            long activeTasks,
            long totalDownloads,
            long totalUploads,
            long totalUsers,
            String diskUsage,
            String memoryUsage) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record TaskRow(
            String id,
            String type,
            String status,
            double progress,
            String filename,
            String size,
            String speed,
            String eta) {
        static TaskRow of(Task t) {
            return new TaskRow(
                    t.id(),
                    "download",
                    MltbViews.status(t),
                    Math.round(t.progress() * 10) / 10.0,
                    t.name().isEmpty() ? t.clientTaskId() : t.name(),
                    CompatFigures.size(t.size()),
                    CompatFigures.speed(t.downloadSpeed()),
                    CompatFigures.eta(t.eta()));
        }
    }

    /** {@code page} counts from 1: the offset over the limit. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Tasks(List<TaskRow> tasks, long total, int page, int limit, int offset, boolean hasMore) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record TaskDetail(
            String id,
            String type,
            String url,
            String status,
            double progress,
            String filename,
            String size,
            String downloaded,
            String speed,
            String eta,
            Instant startTime,
            User user) {
        static TaskDetail of(Task t) {
            TaskRow row = TaskRow.of(t);
            return new TaskDetail(
                    row.id(),
                    row.type(),
                    t.source(),
                    row.status(),
                    row.progress(),
                    row.filename(),
                    row.size(),
                    CompatFigures.size(t.downloaded()),
                    row.speed(),
                    row.eta(),
                    t.startTime(),
                    new User(t.addedBy(), UserStats.usernameOf(t.addedBy())));
        }
    }

    /** Hearth's users are the callers that added downloads ({@code key:ci}); the id is that label. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record User(String id, String username) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Started(boolean success, String taskId, String message) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Done(boolean success, String message) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Users(List<UserRow> users) {}

    /** {@code totalUploads}: Hearth uploads nowhere, so 0. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record UserRow(String id, String username, long totalDownloads, long totalUploads, Instant lastActive) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record UserDetail(
            String userId,
            String username,
            Downloads downloads,
            String totalSize,
            Instant joinedDate,
            Instant lastActive) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Downloads(long total, long successful, long failed) {}

    /** MLTB's words: active, completed (done or seeding), failed, and paused. */
    static String status(Task t) {
        return switch (t.status()) {
            case COMPLETED, SEEDING -> "completed";
            case FAILED -> "failed";
            case PAUSED -> "paused";
            case QUEUED, METADATA, CHECKING, DOWNLOADING -> "active";
        };
    }
}
