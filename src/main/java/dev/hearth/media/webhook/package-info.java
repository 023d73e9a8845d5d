/**
 * Inbound media webhooks as typed events: Sonarr/Radarr "Connect → Webhook" JSON, the Overseerr/Seerr
 * webhook agent's JSON template (string-typed fields), Plex webhooks (multipart with a JSON
 * {@code payload} part) and the Jellyfin webhook plugin's JSON ("Send All Properties"). Parsing only:
 * the route that receives them, and its per-source secret, belong to the door.
 */
@NullMarked
package dev.hearth.media.webhook;

import org.jspecify.annotations.NullMarked;
