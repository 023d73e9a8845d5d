package dev.hearth.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestShapingTest {

    private UpstreamDouble upstream;
    private HttpStack stack;
    private UpstreamClient client;

    @BeforeEach
    void start() throws IOException {
        upstream = UpstreamDouble.start();
        stack = new HttpStack(new ObjectMapper(), Clock.systemUTC());
        client = stack.client(UpstreamSpec.of("svc", upstream.baseUrl()).withRetry(RetryPolicy.none()));
    }

    @AfterEach
    void stop() {
        stack.close();
        upstream.close();
    }

    record Version(String version, int build) {}

    @Test
    void defaultHeadersAreSentAndRequestHeadersWin() {
        upstream.json("/h", 200, "{}");
        UpstreamClient withHeaders = stack.client(UpstreamSpec.of("svc", upstream.baseUrl())
                .withHeader("User-Agent", "Hearth")
                .withHeader("X-Plex-Client-Identifier", "hearth-1")
                .withHeader("Accept", "text/plain"));

        withHeaders.send(UpstreamRequest.get("/h").withHeader("Accept", "application/xml"));

        UpstreamDouble.Seen seen = upstream.last("/h");
        assertEquals("Hearth", seen.header("User-Agent"));
        assertEquals("hearth-1", seen.header("X-Plex-Client-Identifier"));
        assertEquals("application/xml", seen.header("Accept"));
    }

    @Test
    void queryParametersAreUrlEncoded() {
        upstream.json("/api/v2/torrents/info", 200, "[]");

        client.send(UpstreamRequest.get("/api/v2/torrents/info?filter=all")
                .withQuery("category", "tv shows & films")
                .withQuery("hashes", "a|b")
                .withQuery("name", "Ünïcode/=?"));

        assertEquals(
                "filter=all&category=tv%20shows%20%26%20films&hashes=a%7Cb&name=%C3%9Cn%C3%AFcode%2F%3D%3F",
                upstream.last("/api/v2/torrents/info").rawQuery());
    }

    @Test
    void aBaseUrlWithAPathPrefixJoinsWithRequestPaths() {
        upstream.json("/sub/api/v3/system/status", 200, "{\"ok\":true}");
        upstream.json("/sub/ping", 200, "{}");
        UpstreamClient prefixed =
                stack.client(UpstreamSpec.of("sonarr", upstream.baseUrl().resolve("/sub/")));
        UpstreamClient withoutSlash = stack.client(UpstreamSpec.of("sonarr", URI.create(upstream.baseUrl() + "sub")));

        assertEquals(200, prefixed.get("/api/v3/system/status").status());
        assertEquals(200, prefixed.get("api/v3/system/status").status());
        assertEquals(200, withoutSlash.get("/ping?x=1").status());

        assertEquals(2, upstream.count("/sub/api/v3/system/status"));
        assertEquals("x=1", upstream.last("/sub/ping").rawQuery());
    }

    @Test
    void aFormIsUrlEncoded() {
        upstream.json("/api/v2/auth/login", 200, "Ok.");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "admin");
        form.put("password", "p&ss w=rd");

        client.postForm("/api/v2/auth/login", form);

        UpstreamDouble.Seen seen = upstream.last("/api/v2/auth/login");
        assertEquals("POST", seen.method());
        assertEquals("application/x-www-form-urlencoded", seen.header("Content-Type"));
        assertEquals("username=admin&password=p%26ss+w%3Drd", seen.text());
    }

    @Test
    void postJsonSendsTheBodyAsJson() {
        upstream.json("/json", 200, "{\"result\":true,\"error\":null,\"id\":1}");

        UpstreamResponse response =
                client.postJson("/json", Map.of("method", "auth.check_session", "params", List.of(), "id", 1));

        UpstreamDouble.Seen seen = upstream.last("/json");
        assertEquals("application/json", seen.header("Content-Type"));
        assertTrue(response.json().path("result").asBoolean());
        assertTrue(seen.text().contains("\"method\":\"auth.check_session\""), seen.text());
    }

    @Test
    void aMultipartUploadCarriesFieldsAndFiles() {
        upstream.json("/api/v2/torrents/add", 200, "Ok.");
        byte[] torrent = {'d', '8', ':', 0, 1, 2, (byte) 0xff, 'e'};

        client.send(UpstreamRequest.multipart(
                "/api/v2/torrents/add",
                List.of(
                        MultipartPart.field("savepath", "/data/tv"),
                        MultipartPart.file("torrents", "ubuntu \"24\".torrent", "application/x-bittorrent", torrent))));

        UpstreamDouble.Seen seen = upstream.last("/api/v2/torrents/add");
        String contentType = seen.header("Content-Type");
        assertTrue(contentType.startsWith("multipart/form-data; boundary="), contentType);
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        String body = new String(seen.body(), StandardCharsets.ISO_8859_1);
        assertTrue(body.startsWith("--" + boundary + "\r\n"), body);
        assertTrue(body.contains("Content-Disposition: form-data; name=\"savepath\"\r\n"), body);
        assertTrue(body.contains("\r\n\r\n/data/tv\r\n"), body);
        assertTrue(
                body.contains(
                        "name=\"torrents\"; filename=\"ubuntu %2224%22.torrent\"\r\nContent-Type: application/x-bittorrent\r\n\r\n"
                                + new String(torrent, StandardCharsets.ISO_8859_1) + "\r\n"),
                body);
        assertTrue(body.endsWith("--" + boundary + "--\r\n"), body);
        assertEquals(1, upstream.count("/api/v2/torrents/add"), "an upload is a POST: never retried");
    }

    @Test
    void getJsonMapsOntoARecordIgnoringUnknownFields() {
        upstream.json("/version", 200, "{\"version\":\"4.1.0\",\"build\":18,\"addedInANewerRelease\":true}");

        Version version = client.getJson("/version", Version.class);
        JsonNode tree = client.getJson("/version");

        assertEquals(new Version("4.1.0", 18), version);
        assertEquals(18, tree.path("build").asInt());
        assertEquals("application/json", upstream.last("/version").header("Accept"));
    }

    @Test
    void getJsonOnANon2xxThrowsHttpStatusWithABodyExcerpt() {
        upstream.json("/missing", 404, "{\"message\":\"No such series: 42\"}\n" + "x".repeat(500));

        UpstreamException.HttpStatus e =
                assertThrows(UpstreamException.HttpStatus.class, () -> client.getJson("/missing"));

        assertEquals(404, e.status());
        assertEquals("http_status", e.reason());
        assertTrue(e.bodyExcerpt().startsWith("{\"message\":\"No such series: 42\"} xxx"), e.bodyExcerpt());
        assertTrue(e.bodyExcerpt().length() <= UpstreamResponse.EXCERPT_CHARS + 1, "excerpt is short");
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    void aBodyThatIsNotJsonIsABadResponse() {
        upstream.on("/html", (ex, r) -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            UpstreamDouble.reply(ex, 200, "<html>login page</html>");
        });

        UpstreamException.BadResponse e =
                assertThrows(UpstreamException.BadResponse.class, () -> client.getJson("/html"));

        assertEquals("bad_response", e.reason());
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
        assertThrows(UpstreamException.BadResponse.class, () -> client.getJson("/html", Version.class));
    }

    @Test
    void postIsNotIdempotentByDefaultAndReadMethodsAre() {
        assertEquals(
                false, UpstreamRequest.post("/x", new byte[0], "text/plain").idempotent());
        assertEquals(
                true,
                UpstreamRequest.post("/x", new byte[0], "text/plain")
                        .asIdempotent()
                        .idempotent());
        for (String method : List.of("GET", "HEAD", "PUT", "DELETE")) {
            assertEquals(true, UpstreamRequest.of(method, "/x").idempotent(), method);
        }
        assertEquals(false, UpstreamRequest.of("patch", "/x").idempotent());
    }
}
