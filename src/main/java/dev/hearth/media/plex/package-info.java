/**
 * The {@code plex} integration: Plex Media Server's HTTP API with {@code X-Plex-Token}, JSON asked for
 * with {@code Accept}. Calls: {@code GET /} (health), {@code /library/sections},
 * {@code /library/sections/{key}/refresh[?path=]}, {@code /library/sections/all/refresh},
 * {@code /status/sessions}, {@code /library/recentlyAdded}.
 */
@NullMarked
package dev.hearth.media.plex;

import org.jspecify.annotations.NullMarked;
