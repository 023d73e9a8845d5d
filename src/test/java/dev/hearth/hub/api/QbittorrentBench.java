package dev.hearth.hub.api;

import dev.hearth.testing.QbittorrentDaemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The bench's own calls to qBittorrent, outside Hearth: a login for its SID cookie, and a GET with it. */
final class QbittorrentBench {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private QbittorrentBench() {}

    /** Logs in as the harness's user; the SID cookie's value (what a direct caller sends back). */
    static String login(URI base) {
        HttpRequest login = HttpRequest.newBuilder(base.resolve("api/v2/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + QbittorrentDaemon.USER + "&password=" + QbittorrentDaemon.PASSWORD))
                .build();
        HttpResponse<String> answer = call(login);
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SID="))
                .map(c -> c.substring(4, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("qBittorrent gave no SID: " + answer.body()));
    }

    static String get(URI url, String sid) {
        HttpResponse<String> answer = call(HttpRequest.newBuilder(url)
                .header("Cookie", "SID=" + sid)
                .timeout(Duration.ofSeconds(10))
                .build());
        if (answer.statusCode() != 200) throw new IllegalStateException(url + " answered " + answer.statusCode());
        return answer.body();
    }

    private static HttpResponse<String> call(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
