package dev.hearth.hub.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.fakes.hub.FakeLoginApi;
import dev.hearth.fakes.hub.HubDouble;
import dev.hearth.fakes.hub.ScriptedService;
import dev.hearth.hub.LogCapture;
import dev.hearth.hub.client.ApiCredentials;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.testing.EndlessServer;
import dev.hearth.testing.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy core against loopback services: it forwards what it should, with the service's credentials, in the seed's
 * shape, bounded in size and time; and every SSRF attempt is refused before anything reaches a service that is not
 * the registered one.
 */
class ProxyCoreTest {
    private static final String KEY = "proxy-k3y-0123456789abcdef";

    private final HttpStack stack = new HttpStack(JsonMapper.builder().build(), Clock.systemUTC());
    private final ProxyCore proxy =
            new ProxyCore(stack, AddressPolicyTest.TABLE, ProxyLimits.defaults(), Clock.systemUTC());

    @AfterEach
    void close() {
        stack.close();
    }

    private static ProxyTarget target(HubDouble service) {
        return ProxyTarget.of("svc", service.url(), ApiCredentials.apiKey(KEY));
    }

    @Test
    void aGetWithExtraParametersReachesTheServiceWithItsKeyAndAnswersTheSeedsShape() {
        try (ScriptedService svc = new ScriptedService()) {
            ProxyOutcome out = proxy.forward(
                    target(svc),
                    ProxyCall.get("/api/torrents")
                            .withQuery("filter", "downloading")
                            .withQuery("category", "movies"));
            ProxyOutcome.Answered a = assertInstanceOf(ProxyOutcome.Answered.class, out);
            assertEquals(200, out.httpStatus());
            JsonNode shape = out.toJson();
            assertTrue(shape.get("success").asBoolean());
            assertEquals(200, shape.get("status").asInt());
            assertEquals("/api/torrents", shape.get("data").get("path").asText());
            assertEquals(
                    "filter=downloading&category=movies",
                    shape.get("data").get("query").asText());
            assertEquals(KEY, svc.requests.getFirst().header("X-Api-Key"), "the proxy adds the service's key");
            assertEquals(
                    "********", a.data().get("api_key_header").asText(), "and masks it where the service echoes it");
        }
    }

    @Test
    void everyVerbCarriesItsBodyAndContentType() {
        try (ScriptedService svc = new ScriptedService()) {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                byte[] body = ("{\"verb\":\"" + method + "\"}").getBytes(StandardCharsets.UTF_8);
                ProxyOutcome.Answered a = (ProxyOutcome.Answered)
                        proxy.forward(target(svc), ProxyCall.of(method, "/api/action", body, "application/json"));
                assertEquals(method, a.data().get("method").asText());
                assertEquals("application/json", a.data().get("content_type").asText());
                assertEquals(
                        "{\"verb\":\"" + method + "\"}", a.data().get("body").asText());
            }
            ProxyOutcome.Answered form = (ProxyOutcome.Answered) proxy.forward(
                    target(svc),
                    ProxyCall.of(
                            "POST",
                            "/api/v2/torrents/pause",
                            "hashes=abc".getBytes(StandardCharsets.UTF_8),
                            "application/x-www-form-urlencoded"));
            assertEquals("hashes=abc", form.data().get("body").asText());
            assertEquals(
                    ProxyRefused.Reason.METHOD_NOT_ALLOWED,
                    ((ProxyOutcome.Refused) proxy.forward(target(svc), ProxyCall.of("TRACE", "/x", new byte[0], null)))
                            .reason());
        }
    }

    @Test
    void theUpstreamsStatusAndBodyAreCarriedWhenItSaysNo() {
        try (ScriptedService svc =
                new ScriptedService().answer(r -> HubDouble.Reply.json(404, Map.of("message", "NotFound")))) {
            ProxyOutcome out = proxy.forward(target(svc), ProxyCall.get("/api/v3/series/99"));
            assertEquals(200, out.httpStatus());
            JsonNode shape = out.toJson();
            assertFalse(shape.get("success").asBoolean());
            assertEquals(404, shape.get("status").asInt());
            assertEquals("the service answered HTTP 404", shape.get("error").asText());
            assertEquals("NotFound", shape.get("data").get("message").asText());
        }
    }

    @Test
    void aServiceUnderAPathPrefixIsCalledUnderItAndNeverAbove() {
        try (ScriptedService svc = new ScriptedService()) {
            ProxyTarget t = ProxyTarget.of("sonarr", URI.create(svc.url() + "sonarr"), ApiCredentials.apiKey(KEY));
            ProxyOutcome.Answered a = (ProxyOutcome.Answered) proxy.forward(t, ProxyCall.get("/api/v3/system/status"));
            assertEquals("/sonarr/api/v3/system/status", a.data().get("path").asText());
            assertInstanceOf(ProxyOutcome.Refused.class, proxy.forward(t, ProxyCall.get("/../admin")));
            assertInstanceOf(ProxyOutcome.Refused.class, proxy.forward(t, ProxyCall.get("/%2e%2e/admin")));
            assertEquals(1, svc.requests.size());
        }
    }

    @Test
    void everySsrfAttemptIsRefusedAndNothingReachesAnotherService() {
        try (ScriptedService registered = new ScriptedService();
                ScriptedService other = new ScriptedService()) {
            int pa = registered.port();
            int pb = other.port();
            List<String> paths = List.of(
                    "http://127.0.0.1:" + pb + "/",
                    "https://127.0.0.1:" + pa + "/",
                    "HTTP://127.0.0.1:" + pb + "/x",
                    "ftp://127.0.0.1:" + pb + "/",
                    "//127.0.0.1:" + pb + "/",
                    "//localhost.:" + pb + "/",
                    "///127.0.0.1:" + pb,
                    "/%2F%2F127.0.0.1:" + pb + "/",
                    "/%2f127.0.0.1:" + pb,
                    "\\\\127.0.0.1:" + pb + "\\x",
                    "/\\127.0.0.1:" + pb,
                    "http://169.254.169.254/latest/meta-data/",
                    "//169.254.169.254/latest",
                    "http://metadata.test/",
                    "/..%2f..%2f",
                    "/%2e%2e/%2e%2e/etc/passwd",
                    "/%252e%252e/x",
                    "/api/..;/x",
                    "localhost:" + pb + "/x",
                    "/x\r\nHost: 127.0.0.1:" + pb);
            for (String path : paths) {
                ProxyOutcome out = proxy.forward(target(registered), ProxyCall.get(path));
                ProxyOutcome.Refused r = assertInstanceOf(ProxyOutcome.Refused.class, out, path);
                assertEquals(400, r.httpStatus(), path);
                assertFalse(r.toJson().get("success").asBoolean());
            }
            // A path that merely looks like a host stays a path on the registered service.
            ProxyOutcome.Answered at =
                    (ProxyOutcome.Answered) proxy.forward(target(registered), ProxyCall.get("@127.0.0.1:" + pb + "/x"));
            assertEquals("/@127.0.0.1:" + pb + "/x", at.data().get("path").asText());
            assertEquals(List.of(), other.requests, "nothing reached the unregistered port");
            assertEquals(1, registered.requests.size(), "and only the one harmless call reached the registered one");
        }
    }

    @Test
    void redirectsAreFollowedOnTheBaseOnlyAndNeverOffIt() {
        try (ScriptedService registered = new ScriptedService();
                ScriptedService other = new ScriptedService()) {
            int pa = registered.port();
            int pb = other.port();
            List<String> offBase = List.of(
                    "http://127.0.0.1:" + pb + "/steal",
                    "//127.0.0.1:" + pb + "/x",
                    "http://localhost.:" + pb + "/",
                    "http://localhost:" + pa + "/other",
                    "https://127.0.0.1:" + pa + "/x",
                    "http://169.254.169.254/latest/meta-data/",
                    "/../../admin",
                    "/a/%2e%2e/%2e%2e/admin",
                    "ftp://127.0.0.1:" + pb + "/");
            for (String location : offBase) {
                registered.answer(r -> HubDouble.Reply.text(302, "").withHeader("Location", location));
                ProxyOutcome.Failed f = assertInstanceOf(
                        ProxyOutcome.Failed.class,
                        proxy.forward(target(registered), ProxyCall.get("/start")),
                        location);
                assertEquals(ProxyOutcome.Failed.Reason.REDIRECT_OFF_BASE, f.reason(), location);
                assertEquals(302, f.status());
                assertEquals(502, f.httpStatus());
            }
            assertEquals(List.of(), other.requests);
            assertEquals(offBase.size(), registered.requests.size(), "one call each, none followed");

            registered.answer(r -> r.rawPath().equals("/old")
                    ? HubDouble.Reply.text(301, "").withHeader("Location", "/new?page=2")
                    : ScriptedService.echo(r));
            ProxyOutcome.Answered followed =
                    (ProxyOutcome.Answered) proxy.forward(target(registered), ProxyCall.get("/old"));
            assertEquals("/new", followed.data().get("path").asText());
            assertEquals("page=2", followed.data().get("query").asText());

            registered.answer(r -> HubDouble.Reply.text(302, "").withHeader("Location", "/loop"));
            ProxyOutcome.Failed loop = (ProxyOutcome.Failed) proxy.forward(target(registered), ProxyCall.get("/loop"));
            assertEquals(ProxyOutcome.Failed.Reason.TOO_MANY_REDIRECTS, loop.reason());

            registered.answer(
                    r -> HubDouble.Reply.text(303, "").withHeader("Location", "http://127.0.0.1:" + pb + "/"));
            ProxyOutcome.Answered post = (ProxyOutcome.Answered) proxy.forward(
                    target(registered),
                    ProxyCall.of(
                            "POST",
                            "/form",
                            "a=1".getBytes(StandardCharsets.UTF_8),
                            "application/x-www-form-urlencoded"));
            assertEquals(303, post.status(), "a redirect answering a POST is carried, never followed");
            assertEquals(List.of(), other.requests);
        }
    }

    @Test
    void aBaseOnAForbiddenAddressIsRefusedBeforeAnyCall() throws Exception {
        try (ScriptedService svc = new ScriptedService()) {
            int p = svc.port();
            List<String> bases = List.of(
                    "http://169.254.169.254/",
                    "http://2852039166/",
                    "http://[::ffff:169.254.169.254]/",
                    "http://0.0.0.0:" + p + "/",
                    "http://metadata.test/",
                    "http://rebind.test:" + p + "/",
                    "http://127.0.0.1.nip.io:" + p + "/");
            for (String base : bases) {
                ProxyOutcome out = proxy.forward(
                        ProxyTarget.of("svc", URI.create(base), ApiCredentials.none()), ProxyCall.get("/x"));
                assertEquals(
                        ProxyRefused.Reason.FORBIDDEN_ADDRESS,
                        assertInstanceOf(ProxyOutcome.Refused.class, out, base).reason(),
                        base);
                assertEquals(403, out.httpStatus());
            }
            ProxyOutcome discovered = proxy.forward(target(svc).withLoopbackAllowed(false), ProxyCall.get("/x"));
            assertEquals(ProxyRefused.Reason.FORBIDDEN_ADDRESS, ((ProxyOutcome.Refused) discovered).reason());
            ProxyCore withOwnPort = new ProxyCore(
                    stack, AddressPolicyTest.TABLE, ProxyLimits.defaults().withOwnPort(p), Clock.systemUTC());
            assertInstanceOf(ProxyOutcome.Refused.class, withOwnPort.forward(target(svc), ProxyCall.get("/x")));
            assertEquals(List.of(), svc.requests);
        }
    }

    @Test
    void theAllowListLetsThroughOnlyWhatItNames() {
        try (ScriptedService svc = new ScriptedService()) {
            ProxyTarget t = target(svc)
                    .withAllowList(AllowList.parse(List.of("GET /api/v3/system/status", "GET,POST /api/v3/command")));
            assertInstanceOf(ProxyOutcome.Answered.class, proxy.forward(t, ProxyCall.get("/api/v3/system/status")));
            assertInstanceOf(
                    ProxyOutcome.Answered.class,
                    proxy.forward(t, ProxyCall.of("POST", "/api/v3/command", "{}".getBytes(), "application/json")));
            for (ProxyCall refused : List.of(
                    ProxyCall.get("/api/v3/config/host"),
                    ProxyCall.of("DELETE", "/api/v3/command", new byte[0], null),
                    ProxyCall.get("/API/V3/SYSTEM/STATUS"))) {
                ProxyOutcome out = proxy.forward(t, refused);
                assertEquals(
                        ProxyRefused.Reason.NOT_ON_ALLOW_LIST,
                        ((ProxyOutcome.Refused) out).reason(),
                        refused.toString());
                assertEquals(403, out.httpStatus());
            }
            svc.answer(r -> r.rawPath().equals("/api/v3/system/status")
                    ? HubDouble.Reply.text(302, "").withHeader("Location", "/api/v3/config/host")
                    : ScriptedService.echo(r));
            assertEquals(
                    ProxyRefused.Reason.NOT_ON_ALLOW_LIST,
                    ((ProxyOutcome.Refused) proxy.forward(t, ProxyCall.get("/api/v3/system/status"))).reason(),
                    "a redirect is checked too");
            assertEquals(3, svc.requests.size());
        }
    }

    @Test
    void answersAreBoundedInSizeAndTime() throws Exception {
        ProxyCore small = new ProxyCore(
                stack,
                AddressPolicyTest.TABLE,
                ProxyLimits.defaults().withMaxResponseBytes(64 * 1024).withTimeout(Duration.ofMillis(800)),
                Clock.systemUTC());
        try (ScriptedService big = new ScriptedService()
                        .answer(r -> new HubDouble.Reply(200, "application/json", new byte[200_000], Map.of()));
                EndlessServer endless = new EndlessServer(EndlessServer.Framing.CHUNKED)) {
            ProxyOutcome.Failed tooBig = (ProxyOutcome.Failed) small.forward(target(big), ProxyCall.get("/big"));
            assertEquals(ProxyOutcome.Failed.Reason.TOO_LARGE, tooBig.reason());
            assertEquals(502, tooBig.httpStatus());
            ProxyOutcome.Failed endlessAnswer = (ProxyOutcome.Failed) small.forward(
                    ProxyTarget.of("endless", endless.url(), ApiCredentials.none()), ProxyCall.get("/stream"));
            assertEquals(ProxyOutcome.Failed.Reason.TOO_LARGE, endlessAnswer.reason());
        }
        try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long t0 = System.nanoTime();
            ProxyOutcome.Failed timeout = (ProxyOutcome.Failed) small.forward(
                    ProxyTarget.of(
                            "hung", URI.create("http://127.0.0.1:" + hung.getLocalPort() + "/"), ApiCredentials.none()),
                    ProxyCall.get("/x"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ProxyOutcome.Failed.Reason.TIMEOUT, timeout.reason());
            assertEquals(503, timeout.httpStatus());
            assertTrue(ms < 3000, "bounded by the 800 ms timeout, took " + ms + " ms");
        }
        ProxyOutcome.Failed dead = (ProxyOutcome.Failed) proxy.forward(
                ProxyTarget.of("dead", URI.create("http://127.0.0.1:" + Ports.free() + "/"), ApiCredentials.none()),
                ProxyCall.get("/x"));
        assertEquals(ProxyOutcome.Failed.Reason.UNREACHABLE, dead.reason());
        assertEquals(503, dead.httpStatus());
    }

    @Test
    void aBinaryAnswerIsPassedAsBase64AndTextAsText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, 1};
        try (ScriptedService svc = new ScriptedService()
                .answer(r -> r.rawPath().equals("/icon")
                        ? new HubDouble.Reply(200, "image/png", png, Map.of())
                        : HubDouble.Reply.text(200, "v4.5.2"))) {
            ProxyOutcome.Answered icon = (ProxyOutcome.Answered) proxy.forward(target(svc), ProxyCall.get("/icon"));
            assertTrue(icon.base64());
            assertEquals(
                    java.util.Base64.getEncoder().encodeToString(png),
                    icon.data().asText());
            assertEquals("base64", icon.toJson().get("encoding").asText());
            ProxyOutcome.Answered text = (ProxyOutcome.Answered) proxy.forward(target(svc), ProxyCall.get("/version"));
            assertEquals("v4.5.2", text.data().asText());
        }
    }

    @Test
    void anImageIsBase64ByItsTypeEvenWhenItsBytesReadAsTextAndEveryByteValueRoundTrips() {
        byte[] every = new byte[256];
        for (int i = 0; i < 256; i++) every[i] = (byte) i;
        byte[] ascii = "GIF89a-looks-like-text".getBytes(StandardCharsets.US_ASCII);
        try (ScriptedService svc = new ScriptedService()
                .answer(r -> r.rawPath().equals("/every")
                        ? new HubDouble.Reply(200, "application/octet-stream", every, Map.of())
                        : new HubDouble.Reply(200, "image/gif", ascii, Map.of()))) {
            ProxyOutcome.Answered all = (ProxyOutcome.Answered) proxy.forward(target(svc), ProxyCall.get("/every"));
            assertTrue(all.base64());
            org.junit.jupiter.api.Assertions.assertArrayEquals(every, all.bytes());
            ProxyOutcome.Answered gif = (ProxyOutcome.Answered) proxy.forward(target(svc), ProxyCall.get("/gif"));
            assertTrue(gif.base64(), "an image stays bytes, whatever they decode as");
            org.junit.jupiter.api.Assertions.assertArrayEquals(ascii, gif.bytes());
        }
    }

    @Test
    void jsonIsPassedAsTheServiceWroteItAndTextThatIsNotJsonStaysText() {
        String written = "{\"price\": 1.10, \"big\": 123456789012345678901234567890, \"key\": \"" + KEY + "\"}";
        try (ScriptedService svc = new ScriptedService().answer(r -> switch (r.rawPath()) {
            case "/json" ->
                new HubDouble.Reply(200, "application/json", written.getBytes(StandardCharsets.UTF_8), Map.of());
            case "/broken" ->
                new HubDouble.Reply(
                        200,
                        "application/json",
                        "{\"a\": 1} , \"success\": true".getBytes(StandardCharsets.UTF_8),
                        Map.of());
            default -> HubDouble.Reply.text(200, "key is " + KEY);
        })) {
            ProxyOutcome.Answered json = (ProxyOutcome.Answered) proxy.forward(target(svc), ProxyCall.get("/json"));
            assertEquals(written.replace(KEY, "********"), json.dataJson(), "as written, the key masked");
            ProxyOutcome.Answered broken = (ProxyOutcome.Answered) proxy.forward(target(svc), ProxyCall.get("/broken"));
            assertTrue(broken.data().isTextual(), "JSON followed by more is not put into the answer as JSON");
            assertEquals("{\"a\": 1} , \"success\": true", broken.data().asText());
            ProxyOutcome.Answered raw = (ProxyOutcome.Answered)
                    proxy.forward(target(svc), ProxyCall.get("/text").withRaw(true));
            assertTrue(raw.base64());
            assertEquals("key is ********", new String(raw.bytes(), StandardCharsets.UTF_8), "raw text is masked too");
        }
    }

    @Test
    void aLoginServiceIsReachedThroughItsOwnLoginAndNoSecretLeaksIntoAnswersOrLogs() {
        try (LogCapture logs = LogCapture.start();
                FakeLoginApi api = new FakeLoginApi(FakeLoginApi.Style.TOKEN)) {
            ProxyTarget t =
                    ProxyTarget.of("portal", api.url(), ApiCredentials.login(FakeLoginApi.USER, FakeLoginApi.PASSWORD));
            ProxyOutcome.Answered a = (ProxyOutcome.Answered) proxy.forward(t, ProxyCall.get("/api/data/x"));
            assertEquals(200, a.status());
            api.expireSessions();
            assertEquals(
                    200,
                    ((ProxyOutcome.Answered) proxy.forward(t, ProxyCall.get("/api/data/y"))).status(),
                    "renewed behind the proxy");
            ProxyTarget wrong =
                    ProxyTarget.of("portal2", api.url(), ApiCredentials.login(FakeLoginApi.USER, "Wr0ng-pr0xy-pass"));
            ProxyOutcome.Failed refused = (ProxyOutcome.Failed) proxy.forward(wrong, ProxyCall.get("/api/data/x"));
            assertEquals(ProxyOutcome.Failed.Reason.AUTH_FAILED, refused.reason());
            assertEquals(503, refused.httpStatus());

            List<String> shown = new ArrayList<>();
            shown.add(a.toJson().toString());
            shown.add(refused.toJson().toString());
            shown.add(t.toString());
            shown.add(wrong.toString());
            for (String s : shown) {
                assertFalse(s.contains(FakeLoginApi.PASSWORD) || s.contains("Wr0ng-pr0xy-pass"), s);
            }
            logs.assertNoneContains(FakeLoginApi.PASSWORD, "Wr0ng-pr0xy-pass");
        }
    }

    @Test
    void maskingCoversValuesAsJsonWritesThem() {
        assertEquals("{\"k\":\"********\"}", ProxyCore.mask("{\"k\":\"a\\\"b\\\\c\"}", List.of("a\"b\\c")));
        assertEquals("short ab stays", ProxyCore.mask("short ab stays", List.of("ab")));
    }
}
