package dev.hearth.compat;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Remote administration off (the default): Moccha's remote-admin routes are 404 for everyone, its others answer. */
@QuarkusTest
class MocchaRemoteAdminOffTest {
    private static final String M = "/compat/moccha";

    @Test
    void remoteAdminRoutesAreNotFoundEvenForAdminsAndWithoutAKey() {
        for (String path : new String[] {"/variables", "/history", "/files", "/task/x", "/download/a.txt"}) {
            for (var spec : new io.restassured.specification.RequestSpecification[] {Api.admin(), Api.anonymous()}) {
                spec.get(M + path)
                        .then()
                        .statusCode(404)
                        .body("success", equalTo(false))
                        .body("error", instanceOf(String.class))
                        .body("code", equalTo("NOT_FOUND"));
            }
        }
        for (String path : new String[] {"/execute", "/shell", "/install", "/async-execute"}) {
            Api.admin()
                    .contentType(ContentType.JSON)
                    .body(Map.of("code", "print(1)", "command", "id", "package", "x"))
                    .post(M + path)
                    .then()
                    .statusCode(404)
                    .body("success", equalTo(false));
        }
    }

    @Test
    void theRestOfTheDoorAnswersAndCountsNoExecutions() {
        Api.as("viewer")
                .get(M + "/status")
                .then()
                .statusCode(200)
                .body("executions", equalTo(0))
                .body("variables", equalTo(0));
        Api.as("viewer").get(M + "/services").then().statusCode(200).body("success", equalTo(true));
    }
}
