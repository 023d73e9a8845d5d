package dev.hearth.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The first-run checklist's server side: the password step read from the users table, and the dismissal kept per caller. */
@QuarkusTest
class FirstRunTest {
    static final String PASSWORD = "correct horse battery";

    record Session(String cookie, String csrf) {
        RequestSpecification spec() {
            return Api.anonymous().cookie("hearth_session", cookie).header("X-CSRF-Token", csrf);
        }
    }

    private static String user(String role) {
        String name = "first-" + UUID.randomUUID().toString().substring(0, 8);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", PASSWORD, "role", role))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201);
        return name;
    }

    private static Session session(String name, String password) {
        Response r = Api.anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", password))
                .post("/api/v1/auth/login");
        r.then().statusCode(200);
        return new Session(r.cookie("hearth_session"), r.path("csrf_token"));
    }

    @Test
    void aNewUsersPasswordIsTheOneTheyWereGivenUntilTheyChangeIt() {
        String name = user("admin");
        Session s = session(name, PASSWORD);
        s.spec()
                .get("/api/v1/first-run")
                .then()
                .statusCode(200)
                .body("has_password", equalTo(true))
                .body("password_changed", equalTo(false))
                .body("password_changed_at", nullValue())
                .body("dismissed", equalTo(false));
        s.spec()
                .contentType(ContentType.JSON)
                .body(Map.of("current_password", PASSWORD, "new_password", "one of my own choosing"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(200);
        s.spec()
                .get("/api/v1/first-run")
                .then()
                .statusCode(200)
                .body("password_changed", equalTo(true))
                .body("password_changed_at", notNullValue());
    }

    @Test
    void anAdminsResetCountsAsAChangeOfThePasswordGiven() {
        String name = user("viewer");
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("password", "reset by the admin"))
                .post("/api/v1/accounts/" + name + "/password")
                .then()
                .statusCode(200);
        session(name, "reset by the admin")
                .spec()
                .get("/api/v1/first-run")
                .then()
                .body("password_changed", equalTo(true));
    }

    @Test
    void dismissingIsForGoodForThatCallerOnlyAndAudited() {
        String name = user("viewer");
        Session s = session(name, PASSWORD);
        s.spec()
                .post("/api/v1/first-run/dismiss")
                .then()
                .statusCode(200)
                .body("dismissed", equalTo(true))
                .body("dismissed_at", notNullValue());
        String at = s.spec()
                .get("/api/v1/first-run")
                .then()
                .body("dismissed", equalTo(true))
                .extract()
                .path("dismissed_at");
        s.spec()
                .post("/api/v1/first-run/dismiss")
                .then()
                .statusCode(200)
                .body("dismissed_at", equalTo(at)); // the first time stays
        session(name, PASSWORD)
                .spec()
                .get("/api/v1/first-run")
                .then()
                .body("dismissed", equalTo(true)); // another session of the same user

        String other = user("admin");
        session(other, PASSWORD).spec().get("/api/v1/first-run").then().body("dismissed", equalTo(false));

        // an API key has no password to change, and a dismissal of its own
        Api.as("operator").get("/api/v1/first-run").then().statusCode(200).body("has_password", equalTo(false));

        String audit = Api.admin()
                .get("/api/v1/audit?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                audit.contains("\"action\":\"firstrun.dismiss\"") && audit.contains("user:" + name),
                "the dismissal is an audited action");
    }

    @Test
    void aDismissalFromAnotherSiteIsRefused() {
        String name = user("viewer");
        Session s = session(name, PASSWORD);
        // the session cookie alone, without the CSRF token: the gate refuses, nothing is kept
        Api.anonymous()
                .cookie("hearth_session", s.cookie())
                .post("/api/v1/first-run/dismiss")
                .then()
                .statusCode(403);
        s.spec().get("/api/v1/first-run").then().body("dismissed", equalTo(false));
    }
}
