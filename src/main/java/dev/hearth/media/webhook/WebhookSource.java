package dev.hearth.media.webhook;

/** Who sends a webhook, which decides how its body is read. ARR covers Sonarr, Radarr and Prowlarr alike. */
public enum WebhookSource {
    ARR,
    OVERSEERR,
    PLEX,
    JELLYFIN
}
