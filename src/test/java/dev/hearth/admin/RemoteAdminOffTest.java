package dev.hearth.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.testing.Api;
import dev.hearth.web.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hearth as shipped: remote administration off. Its routes do not exist for anyone, and nothing can switch it on but the file. */
@QuarkusTest
class RemoteAdminOffTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    @Test
    void everyRouteAnswersNotFoundToEveryoneWithoutAWordAboutRoles() {
        for (String route : AdminRoutes.all()) {
            for (var caller : List.of(Api.anonymous(), Api.as("viewer"), Api.as("operator"), Api.admin())) {
                Response r = AdminRoutes.call(caller, route);
                assertEquals(404, r.statusCode(), route);
                assertEquals("NOT_FOUND", r.path("error.code"), route);
            }
        }
        assertEquals(
                404,
                Api.admin()
                        .urlEncodingEnabled(false)
                        .get("/api/v1/%61dmin/status")
                        .statusCode());
    }

    @Test
    void theCatalogHoldsNoneOfItsActions() {
        List<String> ids = Api.admin()
                .get("/api/v1/actions")
                .then()
                .statusCode(200)
                .extract()
                .path("actions.id");
        assertFalse(ids.isEmpty());
        assertTrue(ids.stream().noneMatch(id -> id.startsWith("admin.")), ids.toString());
        Response r = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("command", "id"))
                .post("/api/v1/actions/admin.shell");
        assertEquals(404, r.statusCode());
    }

    @Test
    void theConfigApiCannotTurnItOn() {
        Response r = Api.admin()
                .contentType(ContentType.JSON)
                .body("{\"remote_admin\": {\"enabled\": true, \"workspace\": \"/tmp\"}}")
                .patch("/api/v1/config");
        assertEquals(400, r.statusCode(), r.asString());
        assertTrue(r.asString().contains("cannot be changed here"), r.asString());
        assertEquals(
                Boolean.FALSE,
                Api.admin()
                        .get("/api/v1/config")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("remote_admin.enabled"));
        assertEquals(404, Api.admin().get("/api/v1/admin/status").statusCode());
    }

    @Test
    void theAdminConsoleSaysHowToTurnItOnAndTheShellOffersNoneOfItsRoutes() {
        String shell = Api.admin()
                .header("Accept", "text/html")
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(shell.contains("/api/v1/admin/"), "the route table leaves remote administration out");
        String name = "admin-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, "correct horse battery", Role.ADMIN);
        try (Browser browser = new Browser(base)) {
            browser.login(name, "correct horse battery");
            browser.click(".nav a[data-page=admin]");
            browser.waitReady("admin");
            String text = browser.find("#admin-off").getText();
            assertTrue(text.contains("Remote administration is off"), text);
            assertTrue(browser.find("#admin-howto").getText().contains("enabled: true"), text);
            browser.screenshot("admin-console-off");
            browser.assertNoConsoleErrors();
        }
    }
}
