/**
 * The {@code tautulli} integration: Tautulli's API v2, every call {@code GET /api/v2?apikey=…&cmd=…}
 * answering {@code {"response":{"result","message","data"}}}. Commands: {@code get_tautulli_info}
 * (health), {@code get_activity}, {@code get_history}, {@code get_libraries}, {@code get_users}.
 */
@NullMarked
package dev.hearth.media.tautulli;

import org.jspecify.annotations.NullMarked;
