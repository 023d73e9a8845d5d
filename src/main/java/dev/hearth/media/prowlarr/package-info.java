/**
 * The {@code prowlarr} integration: Prowlarr's API v1 with {@code X-Api-Key}. Calls:
 * {@code GET /api/v1/system/status} (health), {@code /api/v1/indexer[/{id}]}, {@code /api/v1/health},
 * {@code /api/v1/search}; {@code POST /api/v1/indexer/test}.
 */
@NullMarked
package dev.hearth.media.prowlarr;

import org.jspecify.annotations.NullMarked;
