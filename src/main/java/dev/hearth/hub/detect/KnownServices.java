package dev.hearth.hub.detect;

import static dev.hearth.hub.client.AuthStyle.API_KEY_HEADER;
import static dev.hearth.hub.client.AuthStyle.API_KEY_QUERY;
import static dev.hearth.hub.client.AuthStyle.BASIC;
import static dev.hearth.hub.client.AuthStyle.BEARER;
import static dev.hearth.hub.client.AuthStyle.IN_BODY;
import static dev.hearth.hub.client.AuthStyle.LOGIN_JWT;
import static dev.hearth.hub.client.AuthStyle.NONE;
import static dev.hearth.hub.client.AuthStyle.SESSION_COOKIE;

import dev.hearth.hub.client.AuthStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The common home-server services the seed names, and a few more, from their published API documentation: where the
 * API lives under the service's address and how it authenticates. Matching is by name (the service's, or its
 * container image's last segment), longest alias first so {@code calibre-web} is not taken for {@code calibre}.
 */
public final class KnownServices {
    private static final List<String> USER_PASSWORD = List.of("username", "password");
    private static final List<String> API_KEY = List.of("api_key");

    private static final List<KnownService> ALL = List.of(
            known("portainer", "/api", LOGIN_JWT, "/api/auth", null, "/api/system/version", null),
            login("qbittorrent", "/api/v2", SESSION_COOKIE, "/api/v2/auth/login", "/api/v2/app/version", "qbittorrent"),
            arr("sonarr", "/api/v3"),
            arr("radarr", "/api/v3"),
            arr("lidarr", "/api/v1"),
            arr("readarr", "/api/v1"),
            arr("prowlarr", "/api/v1"),
            arr("whisparr", "/api/v3"),
            keyed("bazarr", "/api", "X-API-KEY", "/api/system/status", null),
            query("sabnzbd", "/api", "apikey", null),
            known("nzbget", "/jsonrpc", BASIC, null, null, null, null),
            known(
                    "transmission",
                    "/transmission/rpc",
                    IN_BODY,
                    null,
                    null,
                    null,
                    new IntegrationOffer("transmission", USER_PASSWORD)),
            known("deluge", "/json", IN_BODY, null, null, null, new IntegrationOffer("deluge", List.of("password"))),
            known("aria2", "/jsonrpc", IN_BODY, null, null, null, new IntegrationOffer("aria2", List.of("secret"))),
            keyed("jellyfin", "", "X-Emby-Token", "/System/Info/Public", new IntegrationOffer("jellyfin", API_KEY)),
            keyed("emby", "/emby", "X-Emby-Token", "/emby/System/Info/Public", new IntegrationOffer("emby", API_KEY)),
            keyed("plex", "", "X-Plex-Token", "/identity", new IntegrationOffer("plex", List.of("token"))),
            query("tautulli", "/api/v2", "apikey", new IntegrationOffer("tautulli", API_KEY)),
            keyed("overseerr", "/api/v1", "X-Api-Key", "/api/v1/status", new IntegrationOffer("overseerr", API_KEY)),
            keyed("jellyseerr", "/api/v1", "X-Api-Key", "/api/v1/status", null),
            keyed("requestrr", "/api", "X-Api-Key", null, null),
            keyed("ombi", "/api/v1", "ApiKey", null, null),
            known("calibre-web", "/opds", BASIC, null, null, null, null),
            known("calibre", "/ajax", BASIC, null, null, null, null),
            bearer("paperless", "/api", "/api/"),
            known("nextcloud", "/ocs/v2.php", BASIC, null, null, "/status.php", null),
            keyed("syncthing", "/rest", "X-API-Key", "/rest/noauth/health", null),
            bearer("gitea", "/api/v1", "/api/v1/version"),
            bearer("forgejo", "/api/v1", "/api/v1/version"),
            bearer("gitlab", "/api/v4", "/api/v4/version"),
            bearer("drone", "/api", null),
            known("jenkins", "/api/json", BASIC, null, null, null, null),
            bearer("grafana", "/api", "/api/health"),
            known("prometheus", "/api/v1", NONE, null, null, "/api/v1/status/buildinfo", null),
            known("alertmanager", "/api/v2", NONE, null, null, "/api/v2/status", null),
            known("traefik", "/api", NONE, null, null, "/api/version", null),
            known("heimdall", "", NONE, null, null, null, null),
            known("organizr", "/api/v2", API_KEY_HEADER, null, "Token", null, null),
            known("homeassistant", "/api", BEARER, null, null, null, null),
            bearer("immich", "/api", "/api/server/version"),
            keyed("uptime-kuma", "/api", "Authorization", null, null),
            known("pihole", "/admin/api.php", API_KEY_QUERY, null, null, null, null),
            known("adguardhome", "/control", BASIC, null, null, "/control/status", null),
            bearer("vaultwarden", "/api", "/api/version"),
            known("navidrome", "/rest", API_KEY_QUERY, null, null, "/rest/ping.view", null),
            keyed("audiobookshelf", "/api", "Authorization", "/status", null),
            known("minio", "/minio", NONE, null, null, "/minio/health/live", null));

    private KnownServices() {}

    public static List<KnownService> all() {
        return ALL;
    }

    /** The known service whose alias is the given name, or the one whose alias the name (or image) contains. */
    public static Optional<KnownService> match(String name, String image) {
        String n = normalise(name);
        String i = normalise(imageName(image));
        for (String candidate : List.of(n, i)) {
            if (candidate.isEmpty()) continue;
            for (KnownService k : ALL) {
                if (k.aliases().contains(candidate)) return Optional.of(k);
            }
        }
        KnownService best = null;
        int bestLength = 0;
        for (KnownService k : ALL) {
            for (String alias : k.aliases()) {
                String a = alias.replace("-", "");
                if (a.length() > bestLength
                        && (n.replace("-", "").contains(a) || i.replace("-", "").contains(a))) {
                    best = k;
                    bestLength = a.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** By type, as a label names it ({@code homelab.api.type=sonarr}). */
    public static Optional<KnownService> byType(String type) {
        String t = normalise(type);
        return ALL.stream()
                .filter(k -> k.type().equals(t) || k.aliases().contains(t))
                .findFirst();
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(" ", "-");
    }

    /** {@code lscr.io/linuxserver/sonarr:latest} → {@code sonarr}. */
    private static String imageName(String image) {
        String s = image;
        int at = s.indexOf('@');
        if (at >= 0) s = s.substring(0, at);
        int slash = s.lastIndexOf('/');
        if (slash >= 0) s = s.substring(slash + 1);
        int colon = s.indexOf(':');
        return colon >= 0 ? s.substring(0, colon) : s;
    }

    private static KnownService known(
            String type,
            String apiBase,
            AuthStyle auth,
            @Nullable String login,
            @Nullable String header,
            @Nullable String version,
            @Nullable IntegrationOffer offer) {
        return new KnownService(type, aliases(type), apiBase, auth, login, header, null, null, version, offer);
    }

    private static KnownService login(
            String type, String apiBase, AuthStyle auth, String login, String version, String kind) {
        return new KnownService(
                type,
                aliases(type),
                apiBase,
                auth,
                login,
                null,
                null,
                null,
                version,
                new IntegrationOffer(kind, USER_PASSWORD));
    }

    private static KnownService arr(String type, String apiBase) {
        boolean hearthHasIt = List.of("sonarr", "radarr", "prowlarr").contains(type);
        return new KnownService(
                type,
                aliases(type),
                apiBase,
                API_KEY_HEADER,
                null,
                "X-Api-Key",
                null,
                null,
                apiBase + "/system/status",
                hearthHasIt ? new IntegrationOffer(type, API_KEY) : null);
    }

    private static KnownService keyed(
            String type, String apiBase, String header, @Nullable String version, @Nullable IntegrationOffer offer) {
        return new KnownService(type, aliases(type), apiBase, API_KEY_HEADER, null, header, null, null, version, offer);
    }

    private static KnownService query(String type, String apiBase, String parameter, @Nullable IntegrationOffer offer) {
        return new KnownService(type, aliases(type), apiBase, API_KEY_QUERY, null, null, parameter, null, null, offer);
    }

    private static KnownService bearer(String type, String apiBase, @Nullable String version) {
        return new KnownService(type, aliases(type), apiBase, BEARER, null, null, null, null, version, null);
    }

    private static List<String> aliases(String type) {
        return switch (type) {
            case "qbittorrent" -> List.of("qbittorrent", "qbittorrent-nox", "qbit");
            case "homeassistant" -> List.of("homeassistant", "home-assistant", "hass");
            case "adguardhome" -> List.of("adguardhome", "adguard", "adguard-home");
            case "pihole" -> List.of("pihole", "pi-hole");
            case "uptime-kuma" -> List.of("uptime-kuma", "uptimekuma");
            case "paperless" -> List.of("paperless", "paperless-ngx");
            case "calibre-web" -> List.of("calibre-web", "calibreweb");
            case "nextcloud" -> List.of("nextcloud");
            case "jellyseerr" -> List.of("jellyseerr", "seerr");
            case "aria2" -> List.of("aria2", "aria2c", "aria2-pro");
            case "transmission" -> List.of("transmission", "transmission-daemon");
            case "deluge" -> List.of("deluge", "deluged");
            case "syncthing" -> List.of("syncthing");
            default -> List.of(type);
        };
    }
}
