package dev.hearth.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import dev.hearth.testing.Waits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read audited in batches (a proxied GET): the entry is not written by the call, yet a reader of the log sees it,
 * the writer writes it by itself, order with changes written at once is kept, and a clean shutdown loses nothing.
 */
class BatchedAuditTest {
    record Read(String path) {}

    private final Caller viewer = new Caller("key:1", "tv", Role.VIEWER, Caller.Method.API_KEY);
    private final Caller operator = new Caller("key:2", "phone", Role.OPERATOR, Caller.Method.API_KEY);

    private static ActionCatalog catalog(AuditLog audit) {
        Action read = Action.read(
                new ActionSpec(
                        "hub.proxy_read",
                        "read",
                        Role.VIEWER,
                        false,
                        List.of(ActionSpec.Param.required("path", ActionSpec.Type.STRING, "path"))),
                c -> new Read(c.string("path")));
        Action change = new Action(
                new ActionSpec(
                        "services.restart",
                        "change",
                        Role.OPERATOR,
                        false,
                        List.of(ActionSpec.Param.required("name", ActionSpec.Type.STRING, "name"))),
                c -> new Read(c.string("name")));
        return new ActionCatalog(List.of(read, change), audit);
    }

    private static long rows(Database db) {
        return db.count("SELECT COUNT(*) FROM audit_log");
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode params(String name, String value) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put(name, value);
    }

    @Test
    void aReadIsWrittenByTheWriterAndAReaderOfTheLogSeesItAtOnce(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        AuditLog audit = new AuditLog(db, Clock.systemUTC());
        ActionCatalog catalog = catalog(audit);
        catalog.invoke("hub.proxy_read", params("path", "/a"), viewer, "rest");
        List<AuditLog.Entry> seen = audit.recent(10, 0, Instant.EPOCH);
        assertEquals(1, seen.size(), "the log's reader writes the queue first");
        assertEquals("hub.proxy_read", seen.getFirst().action());

        catalog.invoke("hub.proxy_read", params("path", "/b"), viewer, "rest");
        Waits.until("the writer writes the read by itself", Duration.ofSeconds(5), () -> rows(db), n -> n == 2);
        audit.onShutdown(new io.quarkus.runtime.ShutdownEvent());
    }

    @Test
    void aChangeWrittenAtOnceComesAfterTheReadsBeforeIt(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        AuditLog audit = new AuditLog(db, Clock.systemUTC());
        ActionCatalog catalog = catalog(audit);
        catalog.invoke("hub.proxy_read", params("path", "/first"), viewer, "rest");
        catalog.invoke("services.restart", params("name", "plex"), operator, "rest");
        List<String> byId = db.query("SELECT action FROM audit_log ORDER BY id", rs -> rs.getString(1));
        assertEquals(
                List.of("hub.proxy_read", "services.restart"), byId, "written at once, the change wrote the queue");
        audit.onShutdown(new io.quarkus.runtime.ShutdownEvent());
    }

    @Test
    void aCleanShutdownWritesEveryQueuedRead(@TempDir Path dir) {
        Database db = new Database(TestConfig.sqlite(dir));
        AuditLog audit = new AuditLog(db, Clock.systemUTC());
        ActionCatalog catalog = catalog(audit);
        for (int i = 0; i < 500; i++) catalog.invoke("hub.proxy_read", params("path", "/" + i), viewer, "rest");
        audit.onShutdown(new io.quarkus.runtime.ShutdownEvent());
        assertEquals(500, rows(db), "none lost at shutdown");
        catalog.invoke("hub.proxy_read", params("path", "/late"), viewer, "rest");
        assertEquals(501, rows(db), "a read after the shutdown began is written at once");
    }
}
