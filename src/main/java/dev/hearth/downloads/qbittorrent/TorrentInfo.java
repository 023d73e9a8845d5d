package dev.hearth.downloads.qbittorrent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One torrent of {@code torrents/info}, only the fields Hearth reads. Mapped straight from the answer's tokens: a
 * poll of a thousand torrents (1.1 MB of JSON, about sixty fields each) no longer builds a tree of sixty thousand
 * nodes every few seconds only to read sixteen fields of each (docs/benchmarks.md, "Downloads: 1,000 torrents").
 * Missing numbers read as 0 and missing texts as null, as the tree's {@code path(…)} read them, except {@code eta},
 * null when missing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TorrentInfo(
        @Nullable String hash,
        @Nullable String name,
        @Nullable String state,
        double progress,
        long size,
        long completed,
        long dlspeed,
        long upspeed,
        @Nullable Long eta,
        double ratio,
        @JsonProperty("num_seeds") int numSeeds,
        @JsonProperty("num_leechs") int numLeechs,
        @JsonProperty("save_path") @Nullable String savePath,
        @Nullable String category,
        @JsonProperty("added_on") long addedOn,
        @JsonProperty("completion_on") long completionOn) {}
