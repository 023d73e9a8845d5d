package dev.hearth.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Real HTTP to the running Hearth from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so a test can
 * be several clients at once: Linux routes all of 127/8 to this machine. Each call names its headers
 * as alternating name, value. HTTP/1.1, as a browser behind a TLS-terminating proxy or curl talks to
 * Hearth (Java's client would otherwise try an h2c upgrade, which has no chunked bodies to test).
 */
public final class From {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;

    private From(String address) {
        try {
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .localAddress(InetAddress.getByName(address))
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    public static From address(String address) {
        return new From(address);
    }

    public static URI uri(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The login body as the login page sends it. */
    public static String login(String user, String password) {
        return JSON.createObjectNode()
                .put("username", user)
                .put("password", password)
                .toString();
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }
}
