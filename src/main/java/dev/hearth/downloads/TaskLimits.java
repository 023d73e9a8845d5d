package dev.hearth.downloads;

import org.jspecify.annotations.Nullable;

/**
 * One task's transfer settings: its speed caps in KiB/s as its daemon reports them (0: none; null when the
 * client's kind cannot cap one task) and its auto-delete rule (null: none).
 */
public record TaskLimits(
        String taskId,
        String client,
        @Nullable Long maxDownloadSpeed,
        @Nullable Long maxUploadSpeed,
        @Nullable SeedRule autoDelete) {

    /** What to change; a null field stays as it is, {@code clearAutoDelete} drops the rule. */
    public record Change(
            @Nullable Long maxDownloadSpeed,
            @Nullable Long maxUploadSpeed,
            @Nullable SeedRule autoDelete,
            boolean clearAutoDelete) {

        public static final Change NONE = new Change(null, null, null, false);

        public boolean isEmpty() {
            return maxDownloadSpeed == null && maxUploadSpeed == null && autoDelete == null && !clearAutoDelete;
        }
    }
}
