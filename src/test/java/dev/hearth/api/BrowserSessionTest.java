package dev.hearth.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
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
        return Api.anonymous().contentType(ContentType.JSON).body(Map.of("username", user, "password", password)).post("/api/v1/auth/login");
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginPage() {
        Api.anonymous().accept("text/html").get("/").then().statusCode(302).header("Location", "/login");
        Api.anonymous().get("/login").then().statusCode(200).contentType(containsString("text/html")).body(containsString("<form"));
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

        Api.anonymous().cookie("hearth_session", session.getValue()).get("/api/v1/auth/me").then().statusCode(200)
                .body("name", equalTo(user)).body("role", equalTo("operator")).body("method", equalTo("session"));
        Api.anonymous().cookie("hearth_session", session.getValue()).accept("text/html").get("/").then().statusCode(200);
    }

    @Test
    void aChangeThroughACookieSessionNeedsTheCsrfToken() {
        String user = newUser(Role.VIEWER);
        Response r = login(user, "correct horse battery");
        String session = r.getCookie("hearth_session");
        String csrf = r.path("csrf_token");
        Api.anonymous().cookie("hearth_session", session).post("/api/v1/auth/logout").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN")).body("error.message", containsString("CSRF"));
        Api.anonymous().cookie("hearth_session", session).header("X-CSRF-Token", "forged").post("/api/v1/auth/logout").then().statusCode(403);
        Api.anonymous().cookie("hearth_session", session).header("X-CSRF-Token", csrf).post("/api/v1/auth/logout").then().statusCode(200);
        Api.anonymous().cookie("hearth_session", session).get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedGuessesLockTheNameOut() {
        String user = newUser(Role.ADMIN);
        login(user, "wrong").then().statusCode(401).body("error.message", equalTo("Wrong user name or password"));
        login("nobody-" + user, "wrong").then().statusCode(401).body("error.message", equalTo("Wrong user name or password"));
        for (int i = 0; i < 3; i++) login(user, "still wrong").then().statusCode(401);
        // Five failures from this address: locked now. Even the right password waits, and the answer says how long.
        Response locked = login(user, "correct horse battery");
        locked.then().statusCode(429).body("error.code", equalTo("RATE_LIMITED"));
        assertTrue(Integer.parseInt(locked.header("Retry-After")) >= 1);
        // The test config keeps lock-outs short; the lock lifts by itself.
        Await.untilTrue(Duration.ofSeconds(15), "the lock-out to end", () -> login(user, "correct horse battery").statusCode() == 200);
    }
}
