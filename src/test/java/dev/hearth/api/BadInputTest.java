package dev.hearth.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Bad input of every kind answers 4xx in the one error shape, with what to fix, and never a 500 or a stack trace. */
@QuarkusTest
class BadInputTest {

    private static ValidatableResponse error(ValidatableResponse r, int status, String code) {
        return r.statusCode(status)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue())
                .body("error.request_id", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void malformedJsonSaysItIsMalformed() {
        error(
                        Api.admin()
                                .contentType(ContentType.JSON)
                                .body("{\"name\": ")
                                .post("/api/v1/keys")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.message", containsString("Malformed JSON"));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        error(
                        Api.admin()
                                .contentType(ContentType.JSON)
                                .body("{\"name\": 5, \"role\": \"viewer\"}")
                                .post("/api/v1/keys")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("name"));
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        error(
                        Api.admin()
                                .contentType(ContentType.JSON)
                                .body("{\"name\": \"a\", \"role\": \"viewer\", \"colour\": \"red\"}")
                                .post("/api/v1/keys")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("colour"));
        error(
                        Api.anonymous()
                                .contentType(ContentType.JSON)
                                .body("{\"username\": \"a\", \"password\": \"b\", \"remember\": true}")
                                .post("/api/v1/auth/login")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.message", containsString("remember"));
    }

    @Test
    void aNumberWhereTextBelongsIsNotSilentlyTurnedIntoText() {
        error(
                        Api.anonymous()
                                .contentType(ContentType.JSON)
                                .body("{\"username\": 5, \"password\": \"b\"}")
                                .post("/api/v1/auth/login")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("username"));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        error(
                        Api.admin()
                                .contentType(ContentType.JSON)
                                .body("{\"role\": \"viewer\"}")
                                .post("/api/v1/keys")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("name"));
        error(
                        Api.admin()
                                .contentType(ContentType.JSON)
                                .body("{\"name\": \"x\", \"role\": \"superuser\"}")
                                .post("/api/v1/keys")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("role"));
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() {
        byte[] big = new byte[70 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        error(
                Api.admin()
                        .contentType(ContentType.JSON)
                        .body(big)
                        .post("/api/v1/keys")
                        .then(),
                413,
                "PAYLOAD_TOO_LARGE");
        InputStream chunked = new SequenceInputStream(Collections.enumeration(java.util.List.of(
                new ByteArrayInputStream("{\"name\":\"".getBytes()),
                new ByteArrayInputStream(big),
                new ByteArrayInputStream("\"}".getBytes()))));
        error(
                Api.admin()
                        .contentType(ContentType.JSON)
                        .body(chunked)
                        .post("/api/v1/keys")
                        .then(),
                413,
                "PAYLOAD_TOO_LARGE");
    }

    @Test
    void badQueryParametersAreNamed() {
        error(Api.admin().get("/api/v1/logs?limit=many").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("limit"));
        error(Api.admin().get("/api/v1/logs?limit=0").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("limit"));
        error(Api.admin().get("/api/v1/logs?since=yesterday").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("since"));
        error(Api.admin().get("/api/v1/logs?level=loud").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("level"));
        error(Api.admin().get("/api/v1/audit?offset=-1").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("offset"));
    }

    @Test
    void aBadPathVariableIsA400NotA404() {
        error(Api.admin().delete("/api/v1/keys/abc").then(), 400, "INVALID_INPUT")
                .body("error.details.field", equalTo("id"));
        error(Api.admin().delete("/api/v1/keys/999999").then(), 404, "NOT_FOUND")
                .body("error.details.known", notNullValue());
    }

    @Test
    void unknownRoutesAndWrongMethodsAnswerTheErrorShape() {
        error(Api.admin().get("/api/v1/no-such-thing").then(), 404, "NOT_FOUND");
        error(Api.admin().get("/no-such-page").then(), 404, "NOT_FOUND");
        error(Api.admin().delete("/api/v1/status").then(), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aBodyOfTheWrongMediaTypeIsRefused() {
        error(
                Api.admin()
                        .contentType(ContentType.TEXT)
                        .body("name=x")
                        .post("/api/v1/keys")
                        .then(),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anActionWithUnknownOrMistypedParametersIsRefused() {
        error(
                        Api.admin()
                                .contentType(ContentType.JSON)
                                .body("{\"id\": \"seven\"}")
                                .post("/api/v1/actions/keys.revoke")
                                .then(),
                        400,
                        "INVALID_INPUT")
                .body("error.details.field", equalTo("id"));
        error(
                Api.admin()
                        .contentType(ContentType.JSON)
                        .body("[1, 2]")
                        .post("/api/v1/actions/keys.revoke")
                        .then(),
                400,
                "INVALID_INPUT");
        error(
                        Api.admin()
                                .contentType(ContentType.JSON)
                                .body("{}")
                                .post("/api/v1/actions/no.such_action")
                                .then(),
                        404,
                        "NOT_FOUND")
                .body("error.details.known", notNullValue());
    }

    @Test
    void everyAnswerCarriesARequestIdAndKeepsAGoodOneFromTheCaller() {
        Api.admin()
                .header("X-Request-Id", "trace-42")
                .get("/api/v1/status")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "trace-42");
        error(Api.admin().header("X-Request-Id", "trace-43").get("/api/v1/nope").then(), 404, "NOT_FOUND")
                .body("error.request_id", equalTo("trace-43"));
        Api.admin()
                .header("X-Request-Id", "bad id with spaces")
                .get("/api/v1/status")
                .then()
                .header("X-Request-Id", not(containsString(" ")));
    }
}
