package dev.hearth.media;

import java.time.Instant;

/** What Sonarr or Radarr imported into the library, as its webhook told Hearth: the Media page's "Recently imported". */
public record ImportedTitle(
        String app, String instance, String title, String path, boolean upgrade, Instant importedAt) {}
