package dev.hearth.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import dev.hearth.testing.From;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The browser's way in: a login page, a session cookie, CSRF for changes, and a brake on guessing. */
@QuarkusTest
class BrowserSessionTest {
    @Inject
    UserService users;

    private String newUser(Role role) {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "correct horse battery", role);
        return name;
    }

    private static Response login(String user, String password) {
        return Api.anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password))
                .post("/api/v1/auth/login");
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginPage() {
        Api.anonymous().accept("text/html").get("/").then().statusCode(302).header("Location", "/login");
        Api.anonymous()
                .get("/login")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<form"));
    }

    @Test
    void loginSetsAnHttpOnlyStrictSessionCookieAndAReadableCsrfCookie() {
        String user = newUser(Role.OPERATOR);
        Response r = login(user, "correct horse battery");
        r.then().statusCode(200).body("user", equalTo(user)).body("role", equalTo("operator"));
        Cookie session = r.getDetailedCookie("hearth_session");
        Cookie csrf = r.getDetailedCookie("hearth_csrf");
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertEquals("/", session.getPath());
        assertTrue(!csrf.isHttpOnly());
        assertEquals(r.path("csrf_token"), csrf.getValue());

        Api.anonymous()
                .cookie("hearth_session", session.getValue())
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("name", equalTo(user))
                .body("role", equalTo("operator"))
                .body("method", equalTo("session"));
        Api.anonymous()
                .cookie("hearth_session", session.getValue())
                .accept("text/html")
                .get("/")
                .then()
                .statusCode(200);
    }

    @Test
    void aChangeThroughACookieSessionNeedsTheCsrfToken() {
        String user = newUser(Role.VIEWER);
        Response r = login(user, "correct horse battery");
        String session = r.getCookie("hearth_session");
        String csrf = r.path("csrf_token");
        Api.anonymous()
                .cookie("hearth_session", session)
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"))
                .body("error.message", containsString("CSRF"));
        Api.anonymous()
                .cookie("hearth_session", session)
                .header("X-CSRF-Token", "forged")
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(403);
        Api.anonymous()
                .cookie("hearth_session", session)
                .header("X-CSRF-Token", csrf)
                .post("/api/v1/auth/logout")
                .then()
                .statusCode(200);
        Api.anonymous()
                .cookie("hearth_session", session)
                .get("/api/v1/auth/me")
                .then()
                .statusCode(401);
    }

    @Test
    void aSessionChangeFromTheSameOriginPassesWithoutTheTokenAndFromAnyOtherNeedsIt() {
        String user = newUser(Role.VIEWER);
        String self = "http://localhost:" + io.restassured.RestAssured.port;
        String ticket = "/api/v1/ws/ticket";
        String session = login(user, "correct horse battery").getCookie("hearth_session");
        Api.anonymous()
                .cookie("hearth_session", session)
                .header("Origin", self)
                .post(ticket)
                .then()
                .statusCode(200);
        Api.anonymous()
                .cookie("hearth_session", session)
                .header("Sec-Fetch-Site", "same-origin")
                .post(ticket)
                .then()
                .statusCode(200);
        Api.anonymous()
                .cookie("hearth_session", session)
                .header("Origin", "http://evil.example")
                .post(ticket)
                .then()
                .statusCode(403)
                .body("error.message", containsString("CSRF"));
        // another service on the same host name is another origin
        Api.anonymous()
                .cookie("hearth_session", session)
                .header("Origin", "http://localhost:1")
                .post(ticket)
                .then()
                .statusCode(403);
        Api.anonymous()
                .cookie("hearth_session", session)
                .header("Sec-Fetch-Site", "same-site")
                .post(ticket)
                .then()
                .statusCode(403);
        Api.anonymous()
                .cookie("hearth_session", session)
                .header("Origin", "http://evil.example")
                .contentType(ContentType.TEXT)
                .body("{\"name\": \"csrf\", \"role\": \"admin\"}")
                .post("/api/v1/actions/keys.create")
                .then()
                .statusCode(403)
                .body("error.message", containsString("CSRF"));
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedGuessesLockTheNameOutFromThatAddress() {
        String user = newUser(Role.ADMIN);
        From guesser = From.address("127.0.0.12");
        assertEquals(
                401,
                guesser.post("/api/v1/auth/login", From.login(user, "wrong")).statusCode());
        assertEquals(
                "Wrong user name or password",
                From.json(guesser.post("/api/v1/auth/login", From.login("nobody-" + user, "wrong")))
                        .at("/error/message")
                        .asText());
        for (int i = 0; i < 4; i++)
            assertEquals(
                    401,
                    guesser.post("/api/v1/auth/login", From.login(user, "still wrong"))
                            .statusCode());
        // Five failures for this name from this address: locked now. Even the right password waits, and the answer says
        // how long.
        java.net.http.HttpResponse<String> locked =
                guesser.post("/api/v1/auth/login", From.login(user, "correct horse battery"));
        assertEquals(429, locked.statusCode());
        assertEquals("RATE_LIMITED", From.json(locked).at("/error/code").asText());
        assertTrue(Integer.parseInt(locked.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        // The test config keeps lock-outs short; the lock lifts by itself.
        Await.untilTrue(
                Duration.ofSeconds(15),
                "the lock-out to end",
                () -> guesser.post("/api/v1/auth/login", From.login(user, "correct horse battery"))
                                .statusCode()
                        == 200);
    }
}
