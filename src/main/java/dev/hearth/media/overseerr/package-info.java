/**
 * The {@code overseerr} integration, for Overseerr and its successors Seerr and Jellyseerr, which keep
 * its {@code /api/v1} with {@code X-Api-Key}. Calls: {@code GET /api/v1/auth/me} and {@code /status}
 * (health), {@code /request}, {@code /request/{id}}, {@code /search}, {@code /movie/{tmdbId}},
 * {@code /tv/{tmdbId}} (titles); {@code POST /api/v1/request}, {@code /request/{id}/approve|decline}.
 */
@NullMarked
package dev.hearth.media.overseerr;

import org.jspecify.annotations.NullMarked;
