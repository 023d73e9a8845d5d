package dev.hearth.downloads;

import org.jspecify.annotations.Nullable;

/**
 * A client's transfer settings as its daemon reports them: speed caps in KiB/s and the number of downloads
 * that run at once (0: no limit). A field is null when the client's kind does not offer it; {@code autoAddFolder}
 * is the watched folder that feeds this client (empty: none).
 */
public record ClientLimits(
        String client,
        String kind,
        @Nullable Long maxDownloadSpeed,
        @Nullable Long maxUploadSpeed,
        @Nullable Integer maxActiveDownloads,
        String autoAddFolder) {

    /** What to change; a null field stays as it is. */
    public record Change(
            @Nullable Long maxDownloadSpeed,
            @Nullable Long maxUploadSpeed,
            @Nullable Integer maxActiveDownloads) {}
}
