package dev.hearth.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests as each role: the suite's admin key comes from the test config; others are created once per JVM. */
public final class Api {
    public static final String ADMIN_KEY = "hth_test_admin_key_for_the_test_suite_only";
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private Api() {}

    public static RequestSpecification anonymous() {
        return given().redirects().follow(false);
    }

    public static RequestSpecification as(String role) {
        return anonymous().header("X-API-Key", key(role));
    }

    public static RequestSpecification admin() {
        return as("admin");
    }

    /** Keys are remembered per running app (its random port): each test profile may use its own data dir. */
    public static String key(String role) {
        if (role.equals("admin")) return ADMIN_KEY;
        return KEYS.computeIfAbsent(
                io.restassured.RestAssured.port + "/" + role,
                k -> given().header("X-API-Key", ADMIN_KEY)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "test-" + role, "role", role))
                        .post("/api/v1/keys")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("key"));
    }

    /** Forgets created keys: a test profile restarts Quarkus on its own data dir. */
    public static void reset() {
        KEYS.clear();
    }
}
