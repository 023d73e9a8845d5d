package dev.hearth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hearth.admin.RemoteAdminProfile;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.RoleGate;
import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Walks every route of the OpenAPI document: without credentials each answers 401, with too low a role
 * 403, and with the declared role neither. New endpoints are covered the moment they exist, and a route
 * missing from the document fails here too.
 */
@QuarkusTest
@TestProfile(
        RemoteAdminProfile
                .class) // remote administration on, so its routes are walked too (off, they answer 404 to all)
class RouteSecurityTest {
    private static final List<Class<? extends java.lang.annotation.Annotation>> VERBS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class, HEAD.class);
    /** Routes served outside JAX-RS that still need a caller. */
    private static final List<String> NON_JAXRS =
            List.of("/api/v1/openapi.json", "/api/v1/openapi", "/api/v1/docs/", "/metrics");
    /** Public paths that check a secret of their own (webhooks): without it they answer 401 too, in the error shape. */
    private static final List<String> SELF_AUTHENTICATED = List.of(
            "/api/v1/telegram/webhook",
            "/api/v1/webhooks/download-complete",
            "/api/v1/webhooks/media/{source}",
            "/compat/automation/webhook/download-complete");
    /** The routes marked {@link dev.hearth.platform.security.Public}, filled by {@link #declaredRoutes()}. */
    static final java.util.Set<String> PUBLIC = new java.util.TreeSet<>();

    /** Every JAX-RS route of Hearth with the role its method declares, read from the classes themselves. */
    static Map<String, Role> declaredRoutes() {
        Map<String, Role> routes = new TreeMap<>();
        for (JavaClass jc : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hearth")) {
            if (!jc.isAnnotatedWith(Path.class)) continue;
            Class<?> type = jc.reflect();
            String base = type.getAnnotation(Path.class).value();
            for (Method m : type.getDeclaredMethods()) {
                for (var verb : VERBS) {
                    if (!m.isAnnotationPresent(verb)) continue;
                    Path sub = m.getAnnotation(Path.class);
                    String path = join(base, sub == null ? "" : sub.value());
                    routes.put(verb.getSimpleName() + " " + path, RoleGate.required(m));
                    if (RoleGate.isPublic(m)) PUBLIC.add(verb.getSimpleName() + " " + path);
                }
            }
        }
        return routes;
    }

    private static String join(String a, String b) {
        // a template's regex is not part of the route's name: {filepath: .+} is {filepath}
        String p = ("/" + a + "/" + b).replaceAll("/+", "/").replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Test
    void theOpenApiDocumentListsEveryRoute() {
        Map<String, Map<String, Object>> paths = Api.admin()
                .get("/api/v1/openapi.json")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        List<String> documented = new ArrayList<>();
        paths.forEach((path, ops) -> ops.keySet().forEach(verb -> documented.add(verb.toUpperCase() + " " + path)));
        assertEquals(
                declaredRoutes().keySet().stream().sorted().toList(),
                documented.stream().sorted().toList());
    }

    @Test
    void everyRouteRefusesCallersWithoutCredentials() {
        declaredRoutes().forEach((route, role) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            Response r = call(Api.anonymous(), route);
            if (SELF_AUTHENTICATED.contains(path)) {
                assertEquals(401, r.statusCode(), route);
                assertEquals("UNAUTHORIZED", code(path, r), route);
            } else if (PUBLIC.contains(route)) {
                assertFalse(
                        r.statusCode() == 401 || r.statusCode() == 403,
                        route + " is public but answered " + r.statusCode());
            } else {
                assertEquals(401, r.statusCode(), route);
                assertEquals("UNAUTHORIZED", code(path, r), route);
            }
        });
        for (String path : NON_JAXRS) {
            assertEquals(401, Api.anonymous().get(path).statusCode(), path);
        }
    }

    @Test
    void everyRouteRefusesTooLowARoleAndAdmitsItsOwn() {
        declaredRoutes().forEach((route, required) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            if (PUBLIC.contains(route)) return;
            for (Role role : Role.values()) {
                Response r = call(Api.as(role.id()), route);
                if (role.includes(required)) {
                    assertTrue(
                            r.statusCode() != 401 && r.statusCode() != 403,
                            route + " as " + role.id() + " answered " + r.statusCode());
                    assertTrue(
                            r.statusCode() < 500,
                            route + " as " + role.id() + " answered " + r.statusCode() + ": " + r.asString());
                } else {
                    assertEquals(403, r.statusCode(), route + " as " + role.id());
                    assertEquals("FORBIDDEN", code(path, r), route);
                    Object details = r.path(errorPrefix(path) + "details");
                    if (details instanceof String text) { // Monsterr's details are one string
                        assertTrue(text.contains("required_role: " + required.id()), route + ": " + text);
                    } else {
                        assertEquals(required.id(), r.path(errorPrefix(path) + "details.required_role"), route);
                    }
                }
            }
        });
        for (String path : NON_JAXRS) {
            assertEquals(200, Api.as("viewer").get(path).statusCode(), path);
        }
    }

    /** Seed doors whose error is a string carry Hearth's code and details beside it, at the top of the body. */
    private static String errorPrefix(String path) {
        return path.startsWith("/compat/moccha") || path.startsWith("/compat/homelab") ? "" : "error.";
    }

    private static String code(String path, Response r) {
        return r.path(errorPrefix(path) + "code");
    }

    /**
     * GraphQL is one route for many operations: without credentials every door to it (queries, the schema,
     * GraphiQL, the WebSocket upgrade's path) is a 401 in the error shape; with a key, each operation holds its
     * caller to the role its REST twin needs (a query: viewer; a mutation: its action's role).
     */
    @Test
    void graphqlRefusesCallersWithoutCredentialsAndHoldsEachOperationToItsRole() {
        for (String path : List.of("/graphql", "/graphql/schema.graphql", "/graphql-ui/")) {
            Response get = Api.anonymous().get(path);
            assertEquals(401, get.statusCode(), path);
            assertEquals("UNAUTHORIZED", get.path("error.code"), path);
        }
        Response post = Api.anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("query", "{ status { version } }"))
                .post("/graphql");
        assertEquals(401, post.statusCode());
        assertEquals("UNAUTHORIZED", post.path("error.code"));
        String mutation = "mutation { triggerAlert(level: \"info\", message: \"route walk\") { success } }";
        for (Role role : Role.values()) {
            Response query = Api.as(role.id())
                    .contentType(ContentType.JSON)
                    .body(Map.of("query", "{ status { version } }"))
                    .post("/graphql");
            assertEquals(200, query.statusCode(), role.id());
            org.junit.jupiter.api.Assertions.assertNull(query.path("errors"), role.id() + ": " + query.asString());
            Response change = Api.as(role.id())
                    .contentType(ContentType.JSON)
                    .body(Map.of("query", mutation))
                    .post("/graphql");
            if (role.includes(Role.OPERATOR)) {
                assertEquals(
                        Boolean.TRUE, change.path("data.triggerAlert.success"), role.id() + ": " + change.asString());
            } else {
                assertEquals(
                        "FORBIDDEN", change.path("errors[0].extensions.code"), role.id() + ": " + change.asString());
            }
        }
    }

    /** The GET routes that take a {@code limit}, by path, with their own compat and media exceptions left out. */
    static List<String> pagingRoutes() {
        List<String> routes = new ArrayList<>();
        for (JavaClass jc : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hearth")) {
            if (!jc.isAnnotatedWith(Path.class)) continue;
            String pkg = jc.getPackageName();
            // the seeds' own list shapes (compat) and the media door are kept out: see ArchitectureTest
            if (pkg.startsWith("dev.hearth.compat") || pkg.startsWith("dev.hearth.media")) continue;
            Class<?> type = jc.reflect();
            for (Method m : type.getDeclaredMethods()) {
                if (!m.isAnnotationPresent(GET.class)) continue;
                boolean takesALimit = java.util.Arrays.stream(m.getParameters())
                        .anyMatch(p -> p.isAnnotationPresent(jakarta.ws.rs.QueryParam.class)
                                && p.getAnnotation(jakarta.ws.rs.QueryParam.class)
                                        .value()
                                        .equals("limit"));
                if (!takesALimit) continue;
                Path sub = m.getAnnotation(Path.class);
                routes.add(join(type.getAnnotation(Path.class).value(), sub == null ? "" : sub.value()));
            }
        }
        return routes.stream().sorted().toList();
    }

    /**
     * Every list that pages answers one envelope: its items under the route's own name, and total, has_more, limit
     * and offset, the window asked for. A route with a path parameter is walked where its own feature's test names
     * a real value (the download client's torrents in DownloadsApiTest); here each answers for what it is.
     */
    @Test
    void everyRouteThatPagesAnswersOneEnvelope() {
        List<String> routes = pagingRoutes();
        assertTrue(
                routes.containsAll(List.of(
                        "/api/v1/tasks",
                        "/api/v1/alerts",
                        "/api/v1/audit",
                        "/api/v1/logs",
                        "/api/v1/backups",
                        "/api/v1/notifications/outbox",
                        "/api/v1/users",
                        "/api/v1/admin/jobs")),
                routes.toString());
        for (String path : routes) {
            if (path.contains("{")) continue; // shown by its feature's test, statically by ArchitectureTest
            Response r = Api.admin().get(path + "?limit=1&offset=0");
            assertEquals(200, r.statusCode(), path + ": " + r.asString());
            Map<String, Object> body = r.as(Map.class);
            assertTrue(body.get("total") instanceof Number, path + " total: " + body);
            assertTrue(body.get("has_more") instanceof Boolean, path + " has_more: " + body);
            assertEquals(1, body.get("limit"), path + " limit: " + body);
            assertEquals(0, body.get("offset"), path + " offset: " + body);
            List<?> items = body.values().stream()
                    .filter(v -> v instanceof List<?>)
                    .map(v -> (List<?>) v)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(path + " has no list: " + body));
            assertTrue(items.size() <= 1, path + " answered more than the limit: " + body);
            long total = ((Number) body.get("total")).longValue();
            assertEquals(total > items.size(), body.get("has_more"), path + ": " + body);
        }
    }

    /** Calls a route with placeholder path values and an empty JSON object: enough to pass or fail the gate. */
    private static Response call(RequestSpecification spec, String route) {
        String verb = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
        RequestSpecification s = spec.contentType(ContentType.JSON);
        return switch (verb) {
            case "GET" -> s.get(path);
            case "POST" -> s.body("{}").post(path);
            case "PUT" -> s.body("{}").put(path);
            case "PATCH" -> s.body("{}").patch(path);
            case "DELETE" -> s.delete(path);
            default -> s.head(path);
        };
    }

    @Test
    void onlyLivenessTheLoginAndSelfAuthenticatedWebhooksArePublic() {
        declaredRoutes();
        assertEquals(
                List.of(
                        "GET /health",
                        "GET /login",
                        "POST /api/v1/auth/login",
                        "POST /api/v1/telegram/webhook",
                        "POST /api/v1/webhooks/download-complete",
                        "POST /api/v1/webhooks/media/{source}",
                        "POST /compat/automation/webhook/download-complete"),
                PUBLIC.stream().sorted().toList());
    }
}
