package dev.hearth.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionCatalogTest {
    /** What the action answers: a record, as every action's result is. */
    record Restarted(String service) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AtomicInteger restarts = new AtomicInteger();
    private AuditLog audit;
    private ActionCatalog catalog;
    private final Caller viewer = new Caller("key:1", "tv", Role.VIEWER, Caller.Method.API_KEY);
    private final Caller operator = new Caller("key:2", "phone", Role.OPERATOR, Caller.Method.API_KEY);

    @BeforeEach
    void setUp(@TempDir Path dir) {
        audit = new AuditLog(new Database(TestConfig.sqlite(dir)), Clock.systemUTC());
        Action restart = new Action(
                new ActionSpec(
                        "services.restart",
                        "Restart a service",
                        Role.OPERATOR,
                        false,
                        List.of(
                                Param.required("name", Type.STRING, "service name"),
                                Param.optional("password", Type.STRING, "sudo password"))),
                call -> {
                    restarts.incrementAndGet();
                    if (call.string("name").equals("plex")) return new Restarted("plex");
                    throw ApiException.notFound("Service", call.string("name"), List.of("plex"));
                });
        catalog = new ActionCatalog(List.of(restart), audit);
    }

    private ObjectNode params(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void anActionRunsForItsRoleAndIsAuditedWithItsDoor() throws Exception {
        assertEquals(
                new Restarted("plex"),
                catalog.invoke("services.restart", params("{\"name\": \"plex\"}"), operator, "telegram"));
        AuditLog.Entry e = audit.recent(10, 0, Instant.EPOCH).getFirst();
        assertEquals("services.restart", e.action());
        assertEquals("telegram", e.door());
        assertEquals("key:phone", e.actor());
        assertEquals("ok", e.outcome());
    }

    @Test
    void tooLowARoleIsRefusedBeforeTheActionRunsAndTheRefusalIsAudited() throws Exception {
        ApiException e = assertThrows(
                ApiException.class,
                () -> catalog.invoke("services.restart", params("{\"name\": \"plex\"}"), viewer, "rest"));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        assertEquals(0, restarts.get());
        assertEquals("forbidden", audit.recent(1, 0, Instant.EPOCH).getFirst().outcome());
    }

    @Test
    void aRefusedCallIsNotValidatedAndLeavesOnlyTheParameterNames() throws Exception {
        ApiException e = assertThrows(
                ApiException.class,
                () -> catalog.invoke(
                        "services.restart",
                        params("{\"name\": \"" + "z".repeat(10_000)
                                + "\", \"password\": \"s3cret\", \"bogus\": [1, 2]}"),
                        viewer,
                        "rest"));
        assertEquals(
                ErrorCode.FORBIDDEN,
                e.code(),
                "the role first: an unknown parameter is no business of a caller who may not call");
        AuditLog.Entry entry = audit.recent(1, 0, Instant.EPOCH).getFirst();
        assertEquals("forbidden", entry.outcome());
        assertEquals("[\"bogus\",\"name\",\"password\"]", entry.params());
    }

    @Test
    void parametersAreCheckedAgainstTheSpec() throws Exception {
        assertEquals(
                ErrorCode.INVALID_INPUT,
                assertThrows(
                                ApiException.class,
                                () -> catalog.invoke("services.restart", params("{}"), operator, "rest"))
                        .code());
        assertEquals(
                ErrorCode.INVALID_INPUT,
                assertThrows(
                                ApiException.class,
                                () -> catalog.invoke("services.restart", params("{\"name\": 3}"), operator, "rest"))
                        .code());
        assertEquals(
                ErrorCode.INVALID_INPUT,
                assertThrows(
                                ApiException.class,
                                () -> catalog.invoke(
                                        "services.restart",
                                        params("{\"name\": \"plex\", \"force\": true}"),
                                        operator,
                                        "rest"))
                        .code());
        assertEquals(0, restarts.get());
    }

    @Test
    void aFailureIsAuditedWithItsCodeAndSecretsNeverReachTheAudit() throws Exception {
        assertThrows(
                ApiException.class,
                () -> catalog.invoke(
                        "services.restart",
                        params("{\"name\": \"emby\", \"password\": \"s3cret\"}"),
                        operator,
                        "rest"));
        AuditLog.Entry e = audit.recent(1, 0, Instant.EPOCH).getFirst();
        assertEquals("not_found", e.outcome());
        assertFalse(e.params().contains("s3cret"));
    }

    @Test
    void anUnknownActionListsTheKnownOnes() {
        ApiException e = assertThrows(
                ApiException.class,
                () -> catalog.invoke("services.explode", JSON.createObjectNode(), operator, "rest"));
        assertEquals(List.of("services.restart"), e.details().get("known"));
    }

    @Test
    void anActionDeclaredTwiceIsABuildError() {
        Action a = new Action(new ActionSpec("x.y", "d", Role.ADMIN, false, List.of()), call -> null);
        assertThrows(IllegalStateException.class, () -> new ActionCatalog(List.of(a, a), audit));
    }
}
