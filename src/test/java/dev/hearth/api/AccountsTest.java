package dev.hearth.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Browser users beyond the first admin, managed through /api/v1/accounts and the action catalog. */
@QuarkusTest
class AccountsTest {
    static final String PASSWORD = "correct horse battery";

    private static String name() {
        return "acct-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response create(String name, String role) {
        return Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", PASSWORD, "role", role))
                .post("/api/v1/accounts");
    }

    record Session(String cookie, String csrf) {
        RequestSpecification spec() {
            return Api.anonymous().cookie("hearth_session", cookie).header("X-CSRF-Token", csrf);
        }
    }

    private static Response login(String name, String password) {
        return Api.anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", password))
                .post("/api/v1/auth/login");
    }

    private static Session session(String name, String password) {
        Response r = login(name, password);
        r.then().statusCode(200);
        return new Session(r.cookie("hearth_session"), r.path("csrf_token"));
    }

    private static int me(Session s) {
        return Api.anonymous()
                .cookie("hearth_session", s.cookie())
                .get("/api/v1/auth/me")
                .statusCode();
    }

    @Test
    void anAdminCreatesListsAndDeletesUsersWithARole() {
        String user = name();
        create(user, "operator")
                .then()
                .statusCode(201)
                .body("username", equalTo(user))
                .body("role", equalTo("operator"));
        String listing = Api.admin()
                .get("/api/v1/accounts")
                .then()
                .statusCode(200)
                .body("accounts.username", hasItem(user))
                .body("accounts.find { it.username == '" + user + "' }.role", equalTo("operator"))
                .extract()
                .asString();
        assertFalse(listing.contains("pbkdf2") || listing.contains("password"), "no hash or password in the listing");
        Session s = session(user, PASSWORD);
        assertEquals(200, me(s));
        create(user, "viewer").then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        Api.admin().delete("/api/v1/accounts/" + user).then().statusCode(200).body("deleted", equalTo(true));
        assertEquals(401, me(s), "a deleted user's sessions end at once");
        login(user, PASSWORD).then().statusCode(401);
        Api.admin().get("/api/v1/accounts").then().body("accounts.username", not(hasItem(user)));
        Api.admin().delete("/api/v1/accounts/" + user).then().statusCode(404);
    }

    @Test
    void changingARoleTakesEffectAtOnceAndEndsTheUsersSessions() {
        String user = name();
        create(user, "viewer").then().statusCode(201);
        Session s = session(user, PASSWORD);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("role", "admin"))
                .patch("/api/v1/accounts/" + user)
                .then()
                .statusCode(200)
                .body("role", equalTo("admin"));
        assertEquals(401, me(s), "sessions carrying the old role end");
        Session again = session(user, PASSWORD);
        Api.anonymous()
                .cookie("hearth_session", again.cookie())
                .get("/api/v1/auth/me")
                .then()
                .body("role", equalTo("admin"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("role", "root"))
                .patch("/api/v1/accounts/" + user)
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("role"));
    }

    @Test
    void anAdminResetsAPasswordAndTheOldOneAndItsSessionsStopWorking() {
        String user = name();
        create(user, "viewer").then().statusCode(201);
        Session s = session(user, PASSWORD);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("password", "a brand new passphrase"))
                .post("/api/v1/accounts/" + user + "/password")
                .then()
                .statusCode(200);
        assertEquals(401, me(s));
        login(user, PASSWORD).then().statusCode(401);
        login(user, "a brand new passphrase").then().statusCode(200);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("password", "short"))
                .post("/api/v1/accounts/" + user + "/password")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("password"));
    }

    @Test
    void everyoneChangesTheirOwnPasswordWithTheCurrentOneAndTheirOtherSessionsEnd() {
        String user = name();
        create(user, "viewer").then().statusCode(201);
        Session phone = session(user, PASSWORD);
        Session laptop = session(user, PASSWORD);
        laptop.spec()
                .contentType(ContentType.JSON)
                .body(Map.of("current_password", "not it", "new_password", "another long passphrase"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("current_password"));
        laptop.spec()
                .contentType(ContentType.JSON)
                .body(Map.of("current_password", PASSWORD, "new_password", "another long passphrase"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(200);
        assertEquals(200, me(laptop), "the session that changed it stays");
        assertEquals(401, me(phone), "the user's other sessions end");
        login(user, "another long passphrase").then().statusCode(200);
        // A key has no password to change.
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body(Map.of("current_password", "x", "new_password", "yyyyyyyyyyyy"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(400);
    }

    @Test
    void onlyAdminsManageAccountsAndAnAdminCannotRemoveTheirOwn() {
        for (String role : List.of("viewer", "operator")) {
            Api.as(role).get("/api/v1/accounts").then().statusCode(403);
            Api.as(role)
                    .contentType(ContentType.JSON)
                    .body(Map.of("username", name(), "password", PASSWORD, "role", "admin"))
                    .post("/api/v1/accounts")
                    .then()
                    .statusCode(403);
        }
        String admin = name();
        create(admin, "admin").then().statusCode(201);
        Session s = session(admin, PASSWORD);
        s.spec().delete("/api/v1/accounts/" + admin).then().statusCode(409);
        s.spec()
                .contentType(ContentType.JSON)
                .body(Map.of("role", "viewer"))
                .patch("/api/v1/accounts/" + admin)
                .then()
                .statusCode(409);
        assertEquals(200, me(s));
    }

    @Test
    void everyAccountChangeIsAuditedWithoutThePassword() {
        String user = name();
        create(user, "viewer").then().statusCode(201);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("role", "operator"))
                .patch("/api/v1/accounts/" + user)
                .then()
                .statusCode(200);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("password", "yet another passphrase"))
                .post("/api/v1/accounts/" + user + "/password")
                .then()
                .statusCode(200);
        Api.admin().delete("/api/v1/accounts/" + user).then().statusCode(200);
        String audit = Api.admin()
                .get("/api/v1/audit?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String action :
                List.of("accounts.create", "accounts.set_role", "accounts.reset_password", "accounts.delete")) {
            assertTrue(audit.contains("\"action\":\"" + action + "\""), action);
        }
        assertFalse(audit.contains(PASSWORD) || audit.contains("yet another passphrase"), "no password in the audit");
    }

    @Test
    void userNamesAndPasswordsAreChecked() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("username", "has space", "password", PASSWORD, "role", "viewer"))
                .post("/api/v1/accounts")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("username"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("username", "x".repeat(65), "password", PASSWORD, "role", "viewer"))
                .post("/api/v1/accounts")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("username"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("username", name(), "password", "x".repeat(1025), "role", "viewer"))
                .post("/api/v1/accounts")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("password"));
    }
}
