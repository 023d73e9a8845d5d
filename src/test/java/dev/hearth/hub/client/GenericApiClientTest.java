package dev.hearth.hub.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.fakes.hub.FakeLoginApi;
import dev.hearth.fakes.hub.HubDouble;
import dev.hearth.hub.LogCapture;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamResponse;
import dev.hearth.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generic client finds each auth style by itself, keeps it, logs in again once on 401, and speaks every verb and body. */
class GenericApiClientTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final HttpStack stack = new HttpStack(JsonMapper.builder().build(), clock);

    @AfterEach
    void close() {
        stack.close();
    }

    private GenericApiClient client(HubDouble service, ApiCredentials credentials, AuthHints hints) {
        return GenericApiClient.builder(stack, "svc", service.url())
                .credentials(credentials)
                .hints(hints)
                .clock(clock)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .build();
    }

    private static ApiCredentials login() {
        return ApiCredentials.login(FakeLoginApi.USER, FakeLoginApi.PASSWORD);
    }

    private static List<String> calls(HubDouble d) {
        return d.requests.stream().map(r -> r.method() + " " + r.rawPath()).toList();
    }

    @Test
    void aJwtFromPortainersLoginIsFoundAtTheFirstCommonEndpointAndKept() {
        try (FakeLoginApi portainer = new FakeLoginApi(FakeLoginApi.Style.JWT)) {
            GenericApiClient c = client(portainer, login(), AuthHints.none());
            assertEquals(200, c.get("/api/data/endpoints").status());
            assertEquals(200, c.get("/api/data/stacks").status());
            assertEquals(AuthStyle.LOGIN_JWT, c.authStyle());
            assertEquals(1, portainer.logins.get());
            // A form first (a form endpoint may count JSON as a failure), refused as such (400), then JSON.
            assertEquals(
                    List.of("POST /api/auth", "POST /api/auth", "GET /api/data/endpoints", "GET /api/data/stacks"),
                    calls(portainer));
            assertEquals(
                    "application/x-www-form-urlencoded",
                    portainer.requests.get(0).header("Content-Type"));
            assertEquals(
                    FakeLoginApi.PASSWORD,
                    portainer.requests.get(1).json().get("password").asText(),
                    "JSON escapes quotes and backslashes");
        }
    }

    @Test
    void anOpaqueTokenIsFoundByTryingTheSeedsCommonEndpointsInTurn() {
        try (FakeLoginApi api = new FakeLoginApi(FakeLoginApi.Style.TOKEN)) {
            GenericApiClient c = client(api, login(), AuthHints.none());
            assertEquals(200, c.get("/api/data").status());
            assertEquals(AuthStyle.LOGIN_TOKEN, c.authStyle());
            assertEquals(List.of("POST /api/auth", "POST /api/login", "GET /api/data"), calls(api));
            assertEquals(
                    FakeLoginApi.PASSWORD, api.requests.get(1).form().get("password"), "the form encodes & = + \" \\");
        }
    }

    @Test
    void aSessionCookieFromAFormLoginIsKeptInTheJarAndSent() {
        try (FakeLoginApi app = new FakeLoginApi(FakeLoginApi.Style.COOKIE)) {
            GenericApiClient c = client(app, login(), AuthHints.none());
            assertEquals(200, c.get("/api/data/items").status());
            assertEquals(AuthStyle.SESSION_COOKIE, c.authStyle());
            assertEquals(
                    List.of("POST /api/auth", "POST /api/login", "POST /auth/login", "GET /api/data/items"),
                    calls(app));
            assertTrue(app.requests.getLast().header("Cookie").startsWith("session="));
            assertEquals(null, app.requests.getLast().header("Authorization"));
        }
    }

    @Test
    void withNoLoginEndpointAnywhereBasicAuthIsUsedAndTheSearchIsNotRepeated() {
        try (FakeLoginApi nas = new FakeLoginApi(FakeLoginApi.Style.BASIC)) {
            GenericApiClient c = client(nas, login(), AuthHints.none());
            assertEquals(200, c.get("/api/data/shares").status());
            assertEquals(200, c.get("/api/data/disks").status());
            assertEquals(AuthStyle.BASIC, c.authStyle());
            List<String> calls = calls(nas);
            assertEquals(
                    GenericApiClient.COMMON_LOGIN_ENDPOINTS.stream()
                            .map(e -> "POST " + e)
                            .toList(),
                    calls.subList(0, 7));
            assertEquals(List.of("GET /api/data/shares", "GET /api/data/disks"), calls.subList(7, calls.size()));
        }
    }

    @Test
    void aBasicHintSkipsTheLoginSearch() {
        try (FakeLoginApi nas = new FakeLoginApi(FakeLoginApi.Style.BASIC)) {
            assertEquals(
                    200,
                    client(nas, login(), AuthHints.style(AuthStyle.BASIC))
                            .get("/api/data")
                            .status());
            assertEquals(List.of("GET /api/data"), calls(nas));
        }
    }

    @Test
    void anApiKeyRefusedInTheHeaderIsTriedInTheQueryAndThePlacementKept() {
        try (FakeLoginApi api = new FakeLoginApi(FakeLoginApi.Style.KEY_QUERY)) {
            GenericApiClient c = client(api, ApiCredentials.apiKey(FakeLoginApi.KEY), AuthHints.none());
            assertEquals(200, c.get("/api/data/a").status());
            assertEquals(AuthStyle.API_KEY_QUERY, c.authStyle());
            assertEquals(200, c.get("/api/data/b", Map.of("page", "2")).status());
            assertEquals(List.of("GET /api/data/a", "GET /api/data/a", "GET /api/data/b"), calls(api));
            assertEquals(FakeLoginApi.KEY, api.requests.get(0).header("X-Api-Key"), "the seed's default first");
            assertEquals(
                    "page=2&apikey=" + FakeLoginApi.KEY, api.requests.get(2).rawQuery());
            assertEquals(null, api.requests.get(2).header("X-Api-Key"));
        }
    }

    @Test
    void aTokenIsSentAsBearer() {
        try (FakeLoginApi api = new FakeLoginApi(FakeLoginApi.Style.BEARER)) {
            GenericApiClient c = client(api, ApiCredentials.token(FakeLoginApi.KEY), AuthHints.none());
            assertEquals(200, c.get("/api/data").status());
            assertEquals(AuthStyle.BEARER, c.authStyle());
        }
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheCallRepeatedOnce() {
        for (FakeLoginApi.Style style :
                List.of(FakeLoginApi.Style.JWT, FakeLoginApi.Style.TOKEN, FakeLoginApi.Style.COOKIE)) {
            try (FakeLoginApi api = new FakeLoginApi(style)) {
                GenericApiClient c = client(api, login(), AuthHints.none());
                assertEquals(200, c.get("/api/data/1").status(), style.name());
                api.expireSessions();
                int before = api.requests.size();
                assertEquals(
                        201,
                        c.post(
                                        "/api/data/2",
                                        ApiBody.json(JsonNodeFactory.instance
                                                .objectNode()
                                                .put("n", 2)))
                                .status(),
                        style + ": the POST was repeated after the new login");
                assertEquals(2, api.logins.get(), style.name());
                // The renewal goes straight to the endpoint (and body) that worked: one login call between the two
                // tries.
                assertEquals(
                        List.of("POST /api/data/2", "POST " + api.loginPath(), "POST /api/data/2"),
                        calls(api).subList(before, api.requests.size()),
                        style.name());
            }
        }
    }

    @Test
    void aRefusedLoginIsOneClearErrorRememberedWithoutALoginStormUntilTheCredentialsChange() {
        try (FakeLoginApi api = new FakeLoginApi(FakeLoginApi.Style.TOKEN)) {
            GenericApiClient c =
                    client(api, ApiCredentials.login(FakeLoginApi.USER, "wrong-password"), AuthHints.none());
            UpstreamException.AuthFailed first =
                    assertThrows(UpstreamException.AuthFailed.class, () -> c.get("/api/data"));
            assertEquals(
                    "upstream 'svc': the login at /api/login refused the credentials (HTTP 401)", first.getMessage());
            for (int i = 0; i < 5; i++) {
                assertThrows(UpstreamException.AuthFailed.class, () -> c.get("/api/data"));
            }
            assertEquals(1, api.refusedLogins.get(), "one attempt, remembered");
            clock.advance(Duration.ofMinutes(16));
            assertThrows(UpstreamException.AuthFailed.class, () -> c.get("/api/data"));
            assertEquals(2, api.refusedLogins.get(), "tried again after the cool-down");
            c.updateCredentials(login());
            assertEquals(200, c.get("/api/data").status(), "new credentials are tried at once");
        }
    }

    @Test
    void portainersInvalidCredentialsAreARefusalNotAReasonToTryBasicAuth() {
        try (FakeLoginApi portainer = new FakeLoginApi(FakeLoginApi.Style.JWT)) {
            GenericApiClient c = client(portainer, ApiCredentials.login(FakeLoginApi.USER, "nope"), AuthHints.none());
            UpstreamException.AuthFailed e = assertThrows(UpstreamException.AuthFailed.class, () -> c.get("/api/data"));
            assertEquals("upstream 'svc': the login at /api/auth refused the credentials (HTTP 422)", e.getMessage());
            assertEquals(List.of("POST /api/auth", "POST /api/auth"), calls(portainer));
        }
    }

    @Test
    void aNamedLoginEndpointIsTheOnlyOneTried() {
        try (FakeLoginApi app = new FakeLoginApi(FakeLoginApi.Style.COOKIE)) {
            GenericApiClient c = client(app, login(), AuthHints.none().withLoginEndpoint("/auth/login"));
            assertEquals(200, c.get("/api/data").status());
            assertEquals(List.of("POST /auth/login", "GET /api/data"), calls(app));
        }
        try (FakeLoginApi app = new FakeLoginApi(FakeLoginApi.Style.COOKIE)) {
            GenericApiClient c =
                    client(app, login(), new AuthHints(AuthStyle.SESSION_COOKIE, "/custom/login", null, null, null));
            UpstreamException.AuthFailed e = assertThrows(UpstreamException.AuthFailed.class, () -> c.get("/api/data"));
            assertTrue(e.getMessage().contains("no login endpoint answered: /custom/login (HTTP 404)"), e.getMessage());
        }
    }

    @Test
    void everyVerbAndEveryKindOfBodyArrivesAsSent() throws Exception {
        try (FakeLoginApi api = new FakeLoginApi(FakeLoginApi.Style.BEARER)) {
            GenericApiClient c = client(api, ApiCredentials.token(FakeLoginApi.KEY), AuthHints.none());
            JsonNode created = c.post(
                            "/api/data/items",
                            ApiBody.json(JsonNodeFactory.instance.objectNode().put("name", "a b")))
                    .json();
            assertEquals("POST", created.get("method").asText());
            assertEquals("application/json", created.get("content_type").asText());
            assertEquals("{\"name\":\"a b\"}", created.get("body").asText());

            Map<String, String> form = new LinkedHashMap<>();
            form.put("urls", "magnet:?xt=urn:btih:abc&dn=x y");
            JsonNode put = c.put("/api/data/items/1", ApiBody.form(form)).json();
            assertEquals(
                    "PUT application/x-www-form-urlencoded urls=magnet%3A%3Fxt%3Durn%3Abtih%3Aabc%26dn%3Dx+y",
                    put.get("method").asText() + " " + put.get("content_type").asText() + " "
                            + put.get("body").asText());

            JsonNode patch = c.patch(
                            "/api/data/items/1",
                            ApiBody.raw("status=active".getBytes(StandardCharsets.UTF_8), "text/plain"))
                    .json();
            assertEquals(
                    "PATCH text/plain status=active",
                    patch.get("method").asText() + " "
                            + patch.get("content_type").asText() + " "
                            + patch.get("body").asText());

            assertEquals(
                    "DELETE", c.delete("/api/data/items/1").json().get("method").asText());
            JsonNode query = c.get("/api/data/torrents", Map.of("filter", "down loading"))
                    .json();
            assertEquals("filter=down%20loading", query.get("query").asText());
            UpstreamResponse head = c.send(ApiRequest.of("HEAD", "/api/data/x"));
            assertEquals(200, head.status());
        }
    }

    @Test
    void noSecretReachesALogLineAMessageOrAToString() {
        try (LogCapture logs = LogCapture.start();
                FakeLoginApi token = new FakeLoginApi(FakeLoginApi.Style.TOKEN);
                FakeLoginApi keyQuery = new FakeLoginApi(FakeLoginApi.Style.KEY_QUERY)) {
            GenericApiClient good = client(token, login(), AuthHints.none());
            good.get("/api/data");
            token.expireSessions();
            good.get("/api/data");
            GenericApiClient bad =
                    client(token, ApiCredentials.login(FakeLoginApi.USER, "wr0ng-Secret-pass"), AuthHints.none());
            UpstreamException refused = assertThrows(UpstreamException.class, () -> bad.get("/api/data"));
            GenericApiClient key = client(keyQuery, ApiCredentials.apiKey(FakeLoginApi.KEY), AuthHints.none());
            key.get("/api/data", Map.of("q", "1"));
            GenericApiClient wrongKey =
                    client(keyQuery, ApiCredentials.apiKey("wr0ng-key-0123456789"), AuthHints.none());
            assertEquals(401, wrongKey.get("/api/data").status());

            String[] secrets = {FakeLoginApi.PASSWORD, FakeLoginApi.KEY, "wr0ng-Secret-pass", "wr0ng-key-0123456789"};
            logs.assertNoneContains(secrets);
            for (Object shown : List.of(
                    good,
                    bad,
                    key,
                    wrongKey,
                    refused.getMessage(),
                    login(),
                    ApiCredentials.apiKey(FakeLoginApi.KEY),
                    ApiRequest.of("POST", "/login")
                            .withBody(ApiBody.form(Map.of("password", FakeLoginApi.PASSWORD))))) {
                for (String secret : secrets) {
                    assertFalse(String.valueOf(shown).contains(secret), "shown: " + shown);
                }
            }
        }
    }
}
