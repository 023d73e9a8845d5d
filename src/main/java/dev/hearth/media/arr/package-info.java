/**
 * What the *arr apps share ({@code X-Api-Key}): the client and the shapes they answer alike. Sonarr and
 * Radarr speak API v3; Lidarr and Readarr speak the same conventions on API v1 about a person (artist, author)
 * and their works (albums, books), and share {@link dev.hearth.media.arr.ArrV1Manager}, which also reads
 * {@code /metadataprofile}. Calls (v1 alike, with {@code artist|author}): {@code GET /api/v3/system/status} (health), {@code /qualityprofile}, {@code /rootfolder},
 * {@code /queue}, {@code /calendar}, {@code /history}, {@code /{series|movie}[/{id}]},
 * {@code /{series|movie}/lookup?term=}; {@code POST /api/v3/{series|movie}}, {@code /command}.
 */
@NullMarked
package dev.hearth.media.arr;

import org.jspecify.annotations.NullMarked;
