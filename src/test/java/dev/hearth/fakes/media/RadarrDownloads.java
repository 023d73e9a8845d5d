package dev.hearth.fakes.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Radarr does with a movie after "search now", as its documentation and its qBittorrent download client and
 * Connect settings describe it: it hands the release it grabbed to qBittorrent (Web API v2: log in, create the
 * category {@code radarr} if missing, add the .torrent under that category), and its "Check For Finished Downloads"
 * task asks qBittorrent for the category's torrents; one that is complete is imported: Radarr's Plex Media Server
 * connection refreshes the movie's folder in Plex ({@code /library/sections/{id}/refresh?path=}) and its Webhook
 * connection posts the {@code Download} event (with the per-source secret header Hearth asks for). The test drives
 * the check as Radarr's scheduler would, one pass at a time.
 */
public final class RadarrDownloads {
    public static final String CATEGORY = "radarr";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The grabbed release of one movie: its name (the torrent's, as qBittorrent lists it) and the .torrent's bytes. */
    public record Release(String name, byte[] torrent) {}

    private final URI qbittorrent;
    private final String user;
    private final String password;
    private final URI plex;
    private final String plexToken;
    private final URI webhook;
    private final String secret;
    private final String saveDir;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .cookieHandler(new java.net.CookieManager())
            .build();
    private final Map<String, Map<String, Object>> grabbed = new ConcurrentHashMap<>();
    private final Set<String> imported = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> lastWebhook = new AtomicReference<>();

    public RadarrDownloads(
            URI qbittorrent,
            String user,
            String password,
            URI plex,
            String plexToken,
            URI webhook,
            String secret,
            String saveDir) {
        this.qbittorrent = qbittorrent;
        this.user = user;
        this.password = password;
        this.plex = plex;
        this.plexToken = plexToken;
        this.webhook = webhook;
        this.secret = secret;
        this.saveDir = saveDir;
    }

    /** Radarr grabbed {@code release} for {@code movie} (the added movie's JSON): it goes to qBittorrent. */
    public void grab(Map<String, Object> movie, Release release) {
        login();
        post("torrents/createCategory", form(Map.of("category", CATEGORY, "savePath", saveDir)), Set.of(200, 409));
        String boundary = "radarr" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "category", null, CATEGORY.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "savepath", null, saveDir.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "torrents", release.name() + ".torrent", release.torrent());
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        send(
                HttpRequest.newBuilder(api("torrents/add"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                Set.of(200));
        grabbed.put(release.name(), movie);
    }

    /**
     * One pass of "Check For Finished Downloads": each grabbed torrent qBittorrent reports complete, and not yet
     * imported, is imported. Answers how many were imported in this pass.
     */
    public int checkFinishedDownloads() {
        if (grabbed.isEmpty()) return 0;
        login();
        JsonNode torrents = json(send(
                HttpRequest.newBuilder(api("torrents/info?category=" + CATEGORY))
                        .GET(),
                Set.of(200)));
        int done = 0;
        for (JsonNode t : torrents) {
            String name = t.path("name").asText();
            Map<String, Object> movie = grabbed.get(name);
            if (movie == null || t.path("progress").asDouble() < 1.0 || !imported.add(name)) continue;
            importMovie(movie, t);
            done++;
        }
        return done;
    }

    /** Posts the last import's webhook once more, as a person pressing "Test" twice or a redelivery would. */
    public int resendLastImport() {
        String body = lastWebhook.get();
        if (body == null) throw new IllegalStateException("nothing imported yet");
        return postWebhook(body);
    }

    private void importMovie(Map<String, Object> movie, JsonNode torrent) {
        String folder = String.valueOf(movie.get("path"));
        String file = folder + "/" + movie.get("title") + " (" + movie.get("year") + ").mkv";
        // The Plex Media Server connection: a partial scan of the movie's folder in the Movies section.
        send(
                HttpRequest.newBuilder(plex.resolve("/library/sections/1/refresh?path="
                                + URLEncoder.encode(folder, StandardCharsets.UTF_8)))
                        .header("X-Plex-Token", plexToken)
                        .header("Accept", "application/json")
                        .GET(),
                Set.of(200));
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("eventType", "Download");
        payload.put("instanceName", "Radarr");
        payload.put("applicationUrl", "");
        payload.put(
                "movie",
                Map.of(
                        "id", movie.get("id"),
                        "title", movie.get("title"),
                        "year", movie.get("year"),
                        "folderPath", folder,
                        "tmdbId", movie.get("tmdbId"),
                        "imdbId", movie.get("imdbId")));
        payload.put(
                "remoteMovie",
                Map.of("tmdbId", movie.get("tmdbId"), "title", movie.get("title"), "year", movie.get("year")));
        payload.put(
                "movieFile",
                Map.of(
                        "id",
                        1,
                        "relativePath",
                        file.substring(folder.length() + 1),
                        "path",
                        file,
                        "quality",
                        "Bluray-1080p",
                        "sceneName",
                        torrent.path("name").asText(),
                        "size",
                        torrent.path("size").asLong()));
        payload.put("isUpgrade", false);
        payload.put("downloadClient", "qBittorrent");
        payload.put("downloadClientType", "qBittorrent");
        payload.put("downloadId", torrent.path("hash").asText().toUpperCase(java.util.Locale.ROOT));
        try {
            String body = JSON.writeValueAsString(payload);
            lastWebhook.set(body);
            int status = postWebhook(body);
            if (status != 200) throw new IllegalStateException("Hearth answered the Download webhook " + status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int postWebhook(String body) {
        return send(
                        HttpRequest.newBuilder(webhook)
                                .header("Content-Type", "application/json")
                                .header("X-Hearth-Webhook-Secret", secret)
                                .POST(HttpRequest.BodyPublishers.ofString(body)),
                        null)
                .statusCode();
    }

    private void login() {
        HttpResponse<byte[]> r = post("auth/login", form(Map.of("username", user, "password", password)), Set.of(200));
        if (!new String(r.body(), StandardCharsets.UTF_8).startsWith("Ok")) throw new IllegalStateException("login");
    }

    private HttpResponse<byte[]> post(String path, String form, Set<Integer> ok) {
        return send(
                HttpRequest.newBuilder(api(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Referer", qbittorrent.toString())
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                ok);
    }

    private URI api(String path) {
        return qbittorrent.resolve("/api/v2/" + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, Set<Integer> ok) {
        try {
            HttpResponse<byte[]> r =
                    http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (ok != null && !ok.contains(r.statusCode()))
                throw new IllegalStateException(r.request().uri().getPath() + " answered " + r.statusCode());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<byte[]> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String file, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"\r\nContent-Type: application/x-bittorrent")
                + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
