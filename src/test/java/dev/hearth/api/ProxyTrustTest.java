package dev.hearth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.testing.Api;
import dev.hearth.testing.From;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Hearth behind a reverse proxy, attacked as issue 10 describes: a forged X-Forwarded-For, rejected keys
 * sent in bulk, forward-auth without the proxy's secret, cross-site changes riding the proxy's login, and
 * session cookies over HTTPS. The proxy is 127.0.0.1; 127.0.0.2 and up are clients talking to Hearth directly.
 */
@QuarkusTest
@TestProfile(ProxyLimitsAndServicesProfile.class)
class ProxyTrustTest {
    private static final String SECRET = ProxyLimitsAndServicesProfile.PROXY_SECRET;

    @Inject
    UserService users;

    /** Sends requests (numbered from 0) until one answers 429, at most twelve: the limit is 5 a minute, so a window turning over once cannot hide it. */
    private static List<Integer> untilLimited(IntFunction<HttpResponse<String>> request) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int status = request.apply(i).statusCode();
            statuses.add(status);
            if (status == 429) break;
        }
        return statuses;
    }

    private static void assertLimited(List<Integer> statuses, String what) {
        assertEquals(429, statuses.getLast(), what + ": " + statuses);
    }

    @Test
    void theClientIsTheRightMostAddressTheTrustedProxyDidNotWrite() {
        From proxy = From.address("127.0.0.1");
        // The client writes any left-most entry it likes; only the proxy's own (right-most) entry counts.
        List<Integer> statuses =
                untilLimited(i -> proxy.get("/api/v1/status", "X-Forwarded-For", "198.51.100." + i + ", 203.0.113.7"));
        assertLimited(statuses, "one client behind the proxy shares one bucket whatever it writes left");
        assertTrue(statuses.subList(0, statuses.size() - 1).stream().allMatch(s -> s == 401), statuses.toString());
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedFromTheRight() {
        From proxy = From.address("127.0.0.1");
        assertLimited(
                untilLimited(i ->
                        proxy.get("/api/v1/status", "X-Forwarded-For", "198.51.100." + i + ", 203.0.113.8, 10.1.2.3")),
                "10.1.2.3 is a trusted hop, 203.0.113.8 the client");
    }

    @Test
    void forwardedForFromAnAddressThatIsNotAProxyIsIgnored() {
        From direct = From.address("127.0.0.2");
        assertLimited(
                untilLimited(i -> direct.get("/api/v1/status", "X-Forwarded-For", "198.51.100." + i)),
                "127.0.0.2 is the client");
    }

    @Test
    void rejectedKeysCountAgainstTheAddressAndAreLoggedSampled() {
        Instant start = Instant.now();
        From guesser = From.address("127.0.0.3");
        List<Integer> keys = untilLimited(i -> guesser.get("/api/v1/status", "X-API-Key", "hth_guess_" + i));
        assertLimited(keys, "bad keys from one address");
        assertTrue(keys.subList(0, keys.size() - 1).stream().allMatch(s -> s == 401), keys.toString());
        assertLimited(
                untilLimited(i -> From.address("127.0.0.4").get("/api/v1/status", "Authorization", "Bearer nope-" + i)),
                "bad bearers");
        // The guesser's bucket is its address; a real key from the same address has its own.
        assertEquals(
                200,
                guesser.get("/api/v1/auth/me", "X-API-Key", Api.key("viewer")).statusCode());
        List<String> lines = Api.admin()
                .get("/api/v1/logs?limit=1000&level=warn&since=" + start)
                .jsonPath()
                .getList("logs.message");
        List<String> rejected =
                lines.stream().filter(m -> m.contains("Rejected credentials")).toList();
        assertFalse(rejected.isEmpty(), "rejected credentials are logged: " + lines);
        assertTrue(rejected.size() < keys.size(), "sampled, not one line per request: " + rejected);
        assertTrue(rejected.stream().anyMatch(m -> m.contains("127.0.0.3")), rejected.toString());
    }

    @Test
    void forwardAuthNeedsTheProxysSecretHeader() {
        From proxy = From.address("127.0.0.1");
        assertEquals(
                401,
                proxy.get("/api/v1/auth/me", "Remote-User", "alice", "Remote-Groups", "admins")
                        .statusCode());
        assertEquals(
                401,
                proxy.get(
                                "/api/v1/auth/me",
                                "Remote-User",
                                "alice",
                                "Remote-Groups",
                                "admins",
                                "X-Proxy-Secret",
                                "guessed")
                        .statusCode());
        HttpResponse<String> ok = proxy.get(
                "/api/v1/auth/me", "Remote-User", "alice", "Remote-Groups", "admins", "X-Proxy-Secret", SECRET);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("forward_auth", From.json(ok).get("method").asText());
    }

    @Test
    void forwardAuthChangesNeedTheSameOriginWhateverTheBody() {
        From proxy = From.address("127.0.0.1");
        String[] alice = {"Remote-User", "alice", "Remote-Groups", "admins", "X-Proxy-Secret", SECRET};
        String self = "http://localhost:" + RestAssured.port;
        // A page on another site posting through the user's proxy login: no body, a text/plain body, or a declared
        // cross-site fetch.
        assertCsrfRefused(proxy.send(
                HttpRequest.newBuilder(From.uri("/api/v1/ws/ticket")).POST(HttpRequest.BodyPublishers.noBody()),
                with(alice, "Origin", "http://evil.example")));
        assertCsrfRefused(proxy.send(
                HttpRequest.newBuilder(From.uri("/api/v1/ws/ticket")).POST(HttpRequest.BodyPublishers.noBody()),
                alice));
        assertCsrfRefused(proxy.send(
                HttpRequest.newBuilder(From.uri("/api/v1/actions/keys.create"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"csrf\",\"role\":\"admin\"}")),
                with(alice, "Sec-Fetch-Site", "cross-site")));
        assertCsrfRefused(proxy.send(
                HttpRequest.newBuilder(From.uri("/api/v1/ws/ticket")).POST(HttpRequest.BodyPublishers.noBody()),
                with(alice, "Origin", "http://localhost:1")));
        // The dashboard itself: same origin, by Origin or by Sec-Fetch-Site.
        HttpResponse<String> byOrigin = proxy.send(
                HttpRequest.newBuilder(From.uri("/api/v1/ws/ticket")).POST(HttpRequest.BodyPublishers.noBody()),
                with(alice, "Origin", self));
        assertEquals(200, byOrigin.statusCode(), byOrigin.body());
        HttpResponse<String> byFetchSite = proxy.send(
                HttpRequest.newBuilder(From.uri("/api/v1/ws/ticket")).POST(HttpRequest.BodyPublishers.noBody()),
                with(alice, "Sec-Fetch-Site", "same-origin"));
        assertEquals(200, byFetchSite.statusCode(), byFetchSite.body());
        assertEquals(
                200,
                proxy.get("/api/v1/auth/me", with(alice, "Origin", "http://evil.example"))
                        .statusCode(),
                "reads need no check");
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private static void assertCsrfRefused(HttpResponse<String> r) {
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(From.json(r).at("/error/message").asText().contains("CSRF"), r.body());
    }

    @Test
    void aTrustedProxyRangeWiderThanOneAddressIsWarnedAboutAtStart() {
        List<String> warnings =
                Api.admin().get("/api/v1/logs?limit=1000&level=warn").jsonPath().getList("logs.message");
        assertTrue(
                warnings.stream().anyMatch(m -> m.contains("security.trusted_proxies") && m.contains("10.0.0.0/8")),
                warnings.toString());
        assertTrue(
                warnings.stream().noneMatch(m -> m.contains("security.trusted_proxies") && m.contains("'127.0.0.1'")),
                warnings.toString());
    }

    @Test
    void theSessionCookieIsSecureAndHostPrefixedWhenTheProxySaysHttps() {
        String user = "tls-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(user, "correct horse battery", Role.VIEWER);
        HttpResponse<String> viaProxy = From.address("127.0.0.1")
                .post("/api/v1/auth/login", From.login(user, "correct horse battery"), "X-Forwarded-Proto", "https");
        assertEquals(200, viaProxy.statusCode(), viaProxy.body());
        List<String> cookies = viaProxy.headers().allValues("Set-Cookie");
        String session = cookies.stream()
                .filter(c -> c.startsWith("__Host-hearth_session="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(cookies));
        assertTrue(
                attributes(session).contains("secure")
                        && attributes(session).contains("path=/")
                        && !session.toLowerCase().contains("domain="),
                session);
        assertTrue(
                cookies.stream()
                        .anyMatch(c -> c.startsWith("__Host-hearth_csrf=")
                                && attributes(c).contains("secure")),
                cookies.toString());
        String token = session.substring(session.indexOf('=') + 1, session.indexOf(';'));
        assertEquals(
                200,
                From.address("127.0.0.1")
                        .get(
                                "/api/v1/auth/me",
                                "Cookie",
                                "__Host-hearth_session=" + token,
                                "X-Forwarded-Proto",
                                "https")
                        .statusCode());
        // Anyone else saying https is not believed.
        HttpResponse<String> direct = From.address("127.0.0.2")
                .post("/api/v1/auth/login", From.login(user, "correct horse battery"), "X-Forwarded-Proto", "https");
        String plain = direct.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("hearth_session="))
                .findFirst()
                .orElseThrow();
        assertFalse(attributes(plain).contains("secure"), plain);
    }

    private static List<String> attributes(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";"))
                .skip(1)
                .map(a -> a.trim().toLowerCase())
                .toList();
    }

    @Test
    void theLoginLockOutBehindTheProxyIsPerClientNotPerProxy() {
        String user = "behind-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(user, "correct horse battery", Role.VIEWER);
        From proxy = From.address("127.0.0.1");
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    401,
                    proxy.post("/api/v1/auth/login", From.login(user, "wrong " + i), "X-Forwarded-For", "203.0.113.20")
                            .statusCode());
        }
        assertEquals(
                429,
                proxy.post(
                                "/api/v1/auth/login",
                                From.login(user, "correct horse battery"),
                                "X-Forwarded-For",
                                "203.0.113.20")
                        .statusCode());
        HttpResponse<String> other = proxy.post(
                "/api/v1/auth/login", From.login(user, "correct horse battery"), "X-Forwarded-For", "203.0.113.21");
        assertEquals(200, other.statusCode(), other.body());
    }
}
