package dev.hearth.mcp;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.hearth.assistant.AssistantProfile;
import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MCP endpoint on the wire, where the reference client does not go: the stateless 2026-07-28 protocol
 * ({@code server/discover}, {@code _meta} on every request, {@code MCP-Protocol-Version}/{@code Mcp-Method}/
 * {@code Mcp-Name} checked against the body), and the transport's guards (Origin, sessions bound to their key, GET,
 * read-only mode, API keys only).
 */
@QuarkusTest
@TestProfile(AssistantProfile.class)
class McpProtocolTest {
    static final String MODERN = "2026-07-28";

    static RequestSpecification as(String role) {
        return Api.anonymous()
                .header("Authorization", "Bearer " + Api.key(role))
                .contentType(ContentType.JSON)
                .accept("application/json, text/event-stream");
    }

    static Map<String, Object> meta(String version) {
        return Map.of(
                "io.modelcontextprotocol/protocolVersion",
                version,
                "io.modelcontextprotocol/clientCapabilities",
                Map.of(),
                "io.modelcontextprotocol/clientInfo",
                Map.of("name", "raw-test", "version", "1"));
    }

    static Map<String, Object> request(Object id, String method, Map<String, Object> params) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("_meta", meta(MODERN));
        return Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", p);
    }

    static ValidatableResponse modern(String role, String method, String name, Map<String, Object> params) {
        RequestSpecification s = as(role).header("MCP-Protocol-Version", MODERN).header("Mcp-Method", method);
        if (name != null) s = s.header("Mcp-Name", name);
        return s.body(request(1, method, params)).post("/mcp").then();
    }

    @Test
    void serverDiscoverNamesTheVersionsAndCapabilitiesWithoutASession() {
        modern("viewer", "server/discover", null, Map.of())
                .statusCode(200)
                .header("Mcp-Session-Id", nullValue())
                .body("result.resultType", equalTo("complete"))
                .body("result.supportedVersions", hasItems(MODERN, "2025-11-25"))
                .body("result.capabilities.tools", not(nullValue()))
                .body("result._meta.'io.modelcontextprotocol/serverInfo'.name", equalTo("hearth"))
                .body("result.cacheScope", equalTo("private"));
    }

    @Test
    void statelessToolsListAndCallCarryResultTypeAndTheKeysRole() {
        modern("viewer", "tools/list", null, Map.of())
                .statusCode(200)
                .body("result.resultType", equalTo("complete"))
                .body("result.tools.name", hasItem("system_status"))
                .body("result.tools.name", not(hasItem("services_restart")))
                .body("result.ttlMs", equalTo(60000));
        modern("viewer", "tools/call", "system_status", Map.of("name", "system_status", "arguments", Map.of()))
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .body("result.structuredContent.status", equalTo("running"))
                .body("result.resultType", equalTo("complete"));
        // a non-ASCII name travels base64-encoded in the header, and is compared decoded
        String odd = "système_status";
        modern(
                        "viewer",
                        "tools/call",
                        "=?base64?" + Base64.getEncoder().encodeToString(odd.getBytes(StandardCharsets.UTF_8)) + "?=",
                        Map.of("name", odd, "arguments", Map.of()))
                .statusCode(200)
                .body("error.code", equalTo(-32602))
                .body("error.message", containsString("Unknown tool"));
        modern("viewer", "resources/read", "hearth://status", Map.of("uri", "hearth://status"))
                .statusCode(200)
                .body("result.contents[0].mimeType", equalTo("application/json"))
                .body("result.resultType", equalTo("complete"));
        modern("viewer", "resources/read", "hearth://nope", Map.of("uri", "hearth://nope"))
                .statusCode(200)
                .body("error.code", equalTo(-32602));
    }

    @Test
    void headersThatDisagreeWithTheBodyAreRefused() {
        modern("viewer", "tools/call", "services_list", Map.of("name", "system_status", "arguments", Map.of()))
                .statusCode(400)
                .body("error.code", equalTo(-32020));
        modern("viewer", "tools/call", null, Map.of("name", "system_status", "arguments", Map.of()))
                .statusCode(400)
                .body("error.code", equalTo(-32020));
        as("viewer")
                .header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", "tools/call")
                .body(request(2, "tools/list", Map.of()))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32020))
                .body("id", equalTo(2));
        as("viewer")
                .header("Mcp-Method", "tools/list")
                .body(request(3, "tools/list", Map.of()))
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32020)); // no MCP-Protocol-Version header at all
        Map<String, Object> old = Map.of(
                "jsonrpc", "2.0", "id", 4, "method", "tools/list", "params", Map.of("_meta", meta("1900-01-01")));
        as("viewer")
                .header("MCP-Protocol-Version", "1900-01-01")
                .header("Mcp-Method", "tools/list")
                .body(old)
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32022))
                .body("error.data.supported", hasItem(MODERN))
                .body("error.data.requested", equalTo("1900-01-01"));
        Map<String, Object> noCaps = Map.of(
                "jsonrpc",
                "2.0",
                "id",
                5,
                "method",
                "tools/list",
                "params",
                Map.of("_meta", Map.of("io.modelcontextprotocol/protocolVersion", MODERN)));
        as("viewer")
                .header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", "tools/list")
                .body(noCaps)
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32602));
        modern("viewer", "no/such", null, Map.of()).statusCode(404).body("error.code", equalTo(-32601));
    }

    @Test
    void aSessionBelongsToTheKeyThatOpenedItAndEndsWithDelete() {
        Map<String, Object> init = Map.of(
                "jsonrpc",
                "2.0",
                "id",
                1,
                "method",
                "initialize",
                "params",
                Map.of(
                        "protocolVersion",
                        "2025-06-18",
                        "capabilities",
                        Map.of(),
                        "clientInfo",
                        Map.of("name", "raw", "version", "1")));
        var r = as("viewer")
                .body(init)
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.protocolVersion", equalTo("2025-06-18"))
                .extract();
        String session = r.header("Mcp-Session-Id");
        Map<String, Object> list = Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/list");
        as("viewer")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-06-18")
                .body(list)
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.tools.name", hasItem("services_list"))
                .body("result.resultType", nullValue());
        as("operator")
                .header("Mcp-Session-Id", session)
                .body(list)
                .post("/mcp")
                .then()
                .statusCode(404); // not the operator's session
        as("viewer").body(list).post("/mcp").then().statusCode(400); // no session, no _meta
        as("viewer")
                .body(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"))
                .header("Mcp-Session-Id", session)
                .post("/mcp")
                .then()
                .statusCode(202);
        as("viewer").header("Mcp-Session-Id", session).delete("/mcp").then().statusCode(204);
        as("viewer")
                .header("Mcp-Session-Id", session)
                .body(list)
                .post("/mcp")
                .then()
                .statusCode(404);
        // an unknown version asked in initialize gets the newest 2025 one back
        as("viewer")
                .body(Map.of(
                        "jsonrpc",
                        "2.0",
                        "id",
                        9,
                        "method",
                        "initialize",
                        "params",
                        Map.of(
                                "protocolVersion",
                                "2099-01-01",
                                "capabilities",
                                Map.of(),
                                "clientInfo",
                                Map.of("name", "raw", "version", "1"))))
                .post("/mcp")
                .then()
                .body("result.protocolVersion", equalTo("2025-11-25"));
    }

    @Test
    void aForeignOriginIsRefusedAndHearthsOwnIsNot() {
        modern("viewer", "server/discover", null, Map.of()).statusCode(200);
        as("viewer")
                .header("Origin", "http://evil.example")
                .header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", "server/discover")
                .body(request(1, "server/discover", Map.of()))
                .post("/mcp")
                .then()
                .statusCode(403);
        String self = "http://localhost:" + io.restassured.RestAssured.port;
        as("viewer")
                .header("Origin", self)
                .header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", "server/discover")
                .body(request(1, "server/discover", Map.of()))
                .post("/mcp")
                .then()
                .statusCode(200);
    }

    @Test
    void getIsNotAStreamHereAndOnlyApiKeysAreTaken() {
        as("viewer").get("/mcp").then().statusCode(405);
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body(request(1, "server/discover", Map.of()))
                .post("/mcp")
                .then()
                .statusCode(401);
        as("viewer").body("{not json").post("/mcp").then().statusCode(400).body("error.code", equalTo(-32700));
        as("viewer")
                .body("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]")
                .post("/mcp")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(-32600));
    }

    @Test
    void readOnlyModeOffersAndRunsOnlyReads() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("mcp", Map.of("read_only", true)))
                .patch("/api/v1/config")
                .then()
                .statusCode(200);
        try {
            modern("operator", "tools/list", null, Map.of())
                    .statusCode(200)
                    .body("result.tools.name", hasItem("system_status"))
                    .body("result.tools.name", not(hasItem("services_restart")));
            modern(
                            "operator",
                            "tools/call",
                            "services_restart",
                            Map.of("name", "services_restart", "arguments", Map.of("name", "plex")))
                    .statusCode(200)
                    .body("result.isError", equalTo(true))
                    .body("result.content[0].text", containsString("read-only"));
        } finally {
            Api.admin()
                    .contentType(ContentType.JSON)
                    .body(Map.of("mcp", Map.of("read_only", false)))
                    .patch("/api/v1/config")
                    .then()
                    .statusCode(200);
        }
        modern("operator", "tools/list", null, Map.of()).body("result.tools.name", hasItem("services_restart"));
    }
}
