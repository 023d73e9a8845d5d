package dev.hearth.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a double that behaves like qBittorrent 4.x: 200 "Ok." + SID cookie, 200 "Fails.", 403 without a session. */
class SessionCookieTest {

    private static final String LOGIN = "/api/v2/auth/login";
    private static final String VERSION = "/api/v2/app/version";
    private static final Duration COOLDOWN = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock();
    private final Set<String> validSessions = ConcurrentHashMap.newKeySet();
    private UpstreamDouble upstream;
    private HttpStack stack;

    @BeforeEach
    void start() throws IOException {
        upstream = UpstreamDouble.start();
        upstream.on(LOGIN, (ex, r) -> {
            if (r.text().contains("password=s3cret")) {
                String sid = UUID.randomUUID().toString().replace("-", "");
                validSessions.add(sid);
                ex.getResponseHeaders().add("Set-Cookie", "SID=" + sid + "; HttpOnly; path=/; SameSite=Strict");
                UpstreamDouble.reply(ex, 200, "Ok.");
            } else {
                UpstreamDouble.reply(ex, 200, "Fails.");
            }
        });
        upstream.on(VERSION, (ex, r) -> {
            String cookie = r.header("Cookie");
            boolean valid = cookie != null && validSessions.stream().anyMatch(sid -> cookie.contains("SID=" + sid));
            UpstreamDouble.reply(ex, valid ? 200 : 403, valid ? "v4.5.2" : "Forbidden");
        });
        stack = new HttpStack(new ObjectMapper(), clock);
    }

    @AfterEach
    void stop() {
        stack.close();
        upstream.close();
    }

    /** How a qBittorrent integration would log in: 200 "Fails." is a refusal, not a success. */
    private static SessionLogin qbittorrentLogin(String password) {
        return raw -> {
            UpstreamResponse r = raw.postForm(LOGIN, Map.of("username", "admin", "password", password));
            if (!r.isSuccess() || !r.text().equals("Ok.")) {
                throw new UpstreamException.AuthFailed(
                        raw.name(), "login refused for user 'admin'; check the username and password");
            }
        };
    }

    private UpstreamClient client(SessionLogin login) {
        return stack.client(UpstreamSpec.of("qbittorrent", upstream.baseUrl())
                .withAuth(AuthStrategy.sessionCookie(login, r -> r.status() == 403, COOLDOWN)));
    }

    @Test
    void loginIsLazyAndTheSessionCookieIsSentAfterwards() {
        UpstreamClient client = client(qbittorrentLogin("s3cret"));
        assertEquals(0, upstream.count(LOGIN), "no login before the first call");

        assertEquals("v4.5.2", client.get(VERSION).text());
        assertEquals("v4.5.2", client.get(VERSION).text());

        assertEquals(1, upstream.count(LOGIN));
        assertTrue(client.cookie("SID").isPresent());
        assertEquals(null, upstream.last(LOGIN).header("Cookie"), "the login starts from a clean jar");
    }

    /**
     * Two services on one stack share its HTTP client but not their cookie jars: the second logs in for itself, and
     * a session dropped for one (a restarted daemon) leaves the other's alone.
     */
    @Test
    void twoUpstreamsOnOneStackKeepTheirOwnSessions() {
        UpstreamClient first = client(qbittorrentLogin("s3cret"));
        UpstreamClient second = stack.client(UpstreamSpec.of("qbittorrent-two", upstream.baseUrl())
                .withAuth(AuthStrategy.sessionCookie(qbittorrentLogin("s3cret"), r -> r.status() == 403, COOLDOWN)));

        assertEquals("v4.5.2", first.get(VERSION).text());
        assertEquals("v4.5.2", second.get(VERSION).text());
        String firstSid = first.cookie("SID").orElseThrow();
        String secondSid = second.cookie("SID").orElseThrow();

        assertEquals(2, upstream.count(LOGIN), "each service logs in with its own jar");
        assertFalse(firstSid.equals(secondSid));
        validSessions.remove(firstSid);
        assertEquals("v4.5.2", second.get(VERSION).text());
        assertEquals(2, upstream.count(LOGIN), "the second's session still holds");
        assertEquals("v4.5.2", first.get(VERSION).text());
        assertEquals(3, upstream.count(LOGIN), "only the first logs in again");
        assertEquals(secondSid, second.cookie("SID").orElseThrow());
    }

    @Test
    void anExpiredSessionLogsInAgainOnceAndTheCallSucceeds() {
        UpstreamClient client = client(qbittorrentLogin("s3cret"));
        client.get(VERSION);
        String firstSid = client.cookie("SID").orElseThrow();

        validSessions.clear(); // qBittorrent restarted, or the session timed out
        UpstreamResponse response = client.get(VERSION);

        assertEquals(200, response.status());
        assertEquals(2, upstream.count(LOGIN));
        assertEquals(3, upstream.count(VERSION), "one call, one 403, one repeat");
        assertFalse(firstSid.equals(client.cookie("SID").orElseThrow()));
    }

    @Test
    void aWrongPasswordFailsOnceAndLaterCallsFailFastWithoutLoggingInAgain() {
        UpstreamClient client = client(qbittorrentLogin("wrong"));

        UpstreamException.AuthFailed first =
                assertThrows(UpstreamException.AuthFailed.class, () -> client.get(VERSION));
        for (int i = 0; i < 10; i++) {
            UpstreamException.AuthFailed again =
                    assertThrows(UpstreamException.AuthFailed.class, () -> client.get(VERSION));
            assertTrue(again.getMessage().startsWith(first.getMessage()), again.getMessage());
            assertEquals("auth_failed", again.reason());
        }

        assertEquals(1, upstream.count(LOGIN), "a wrong password must not become a login storm");
        assertEquals(0, upstream.count(VERSION));

        client.resetAuth();
        assertThrows(UpstreamException.AuthFailed.class, () -> client.get(VERSION));
        assertEquals(2, upstream.count(LOGIN), "resetAuth allows one new attempt");
    }

    @Test
    void aRefusedLoginIsTriedAgainOnlyAfterTheCooldown() {
        UpstreamClient client = client(qbittorrentLogin("wrong"));
        assertThrows(UpstreamException.AuthFailed.class, () -> client.get(VERSION));

        clock.advance(COOLDOWN.minusSeconds(1));
        assertThrows(UpstreamException.AuthFailed.class, () -> client.get(VERSION));
        assertEquals(1, upstream.count(LOGIN));

        clock.advance(Duration.ofSeconds(1));
        assertThrows(UpstreamException.AuthFailed.class, () -> client.get(VERSION));
        assertEquals(2, upstream.count(LOGIN));
    }

    @Test
    void concurrentCallersWaitForOneLogin() throws Exception {
        CountDownLatch loginEntered = new CountDownLatch(1);
        CountDownLatch finishLogin = new CountDownLatch(1);
        SessionLogin slowLogin = raw -> {
            loginEntered.countDown();
            try {
                finishLogin.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            qbittorrentLogin("s3cret").login(raw);
        };
        UpstreamClient client = client(slowLogin);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<UpstreamResponse>> calls = new ArrayList<>();
            calls.add(threads.submit(() -> client.get(VERSION)));
            assertTrue(loginEntered.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 9; i++) {
                calls.add(threads.submit(() -> client.get(VERSION)));
            }
            finishLogin.countDown();
            for (Future<UpstreamResponse> call : calls) {
                assertEquals(200, call.get(10, TimeUnit.SECONDS).status());
            }
        }
        assertEquals(1, upstream.count(LOGIN));
    }

    @Test
    void aSessionRejectedRightAfterASuccessfulLoginIsNotAStormAndIsTriedAgainWithBackoff() {
        // A login that ignores qBittorrent's 200 "Fails." looks like one that succeeded: the session never works.
        UpstreamClient client = client(raw -> raw.postForm(LOGIN, Map.of("username", "admin", "password", "wrong")));

        UpstreamException.NotReady e = assertThrows(UpstreamException.NotReady.class, () -> client.get(VERSION));
        assertTrue(e.getMessage().contains("403"), e.getMessage());
        for (int i = 0; i < 5; i++) {
            assertThrows(UpstreamException.NotReady.class, () -> client.get(VERSION));
        }
        assertEquals(1, upstream.count(LOGIN), "no new login before the backoff has passed");

        clock.advance(Duration.ofSeconds(1));
        assertThrows(UpstreamException.NotReady.class, () -> client.get(VERSION));
        assertEquals(2, upstream.count(LOGIN));
        clock.advance(Duration.ofSeconds(1));
        assertThrows(UpstreamException.NotReady.class, () -> client.get(VERSION));
        assertEquals(2, upstream.count(LOGIN), "the second wait is 2 s");
        clock.advance(Duration.ofSeconds(1));
        assertThrows(UpstreamException.NotReady.class, () -> client.get(VERSION));
        assertEquals(3, upstream.count(LOGIN));
    }

    @Test
    void anUpstreamThatRejectsFreshSessionsWhileItStartsIsServedOnceItAcceptsThem() {
        java.util.concurrent.atomic.AtomicBoolean starting = new java.util.concurrent.atomic.AtomicBoolean(true);
        upstream.on(VERSION, (ex, r) -> {
            String cookie = r.header("Cookie");
            boolean valid = !starting.get()
                    && cookie != null
                    && validSessions.stream().anyMatch(sid -> cookie.contains("SID=" + sid));
            UpstreamDouble.reply(ex, valid ? 200 : 403, valid ? "v4.5.2" : "Forbidden");
        });
        UpstreamClient client = client(qbittorrentLogin("s3cret"));

        assertThrows(
                UpstreamException.NotReady.class,
                () -> client.get(VERSION),
                "not a refusal: the credentials were accepted");
        starting.set(false);
        clock.advance(Duration.ofSeconds(1));

        assertEquals(200, client.get(VERSION).status());
        assertEquals(200, client.get(VERSION).status());
        assertEquals(2, upstream.count(LOGIN));
    }

    @Test
    void aLoginThatCannotReachTheUpstreamIsNotRememberedAsARefusal() {
        upstream.on(LOGIN, (ex, r) -> UpstreamDouble.reply(ex, 503, "starting"));
        SessionLogin login = raw -> {
            UpstreamResponse r = raw.postForm(LOGIN, Map.of("username", "admin", "password", "s3cret"));
            if (!r.isSuccess()) {
                raw.successful(r); // throws HttpStatus: a transient failure, not a refusal
            }
        };
        UpstreamClient client = client(login);

        assertInstanceOf(
                UpstreamException.HttpStatus.class, assertThrows(UpstreamException.class, () -> client.get(VERSION)));
        assertInstanceOf(
                UpstreamException.HttpStatus.class, assertThrows(UpstreamException.class, () -> client.get(VERSION)));

        assertEquals(2, upstream.count(LOGIN), "each call may try again");
    }
}
