/**
 * What Sonarr and Radarr share (API v3, {@code X-Api-Key}): the client and the shapes both apps answer
 * alike. Calls: {@code GET /api/v3/system/status} (health), {@code /qualityprofile}, {@code /rootfolder},
 * {@code /queue}, {@code /calendar}, {@code /history}, {@code /{series|movie}[/{id}]},
 * {@code /{series|movie}/lookup?term=}; {@code POST /api/v3/{series|movie}}, {@code /command}.
 * Lidarr and Readarr speak the same conventions on {@code /api/v1} with artists, albums and books; they
 * are not covered.
 */
@NullMarked
package dev.hearth.media.arr;

import org.jspecify.annotations.NullMarked;
