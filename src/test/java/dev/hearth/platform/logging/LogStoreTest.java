package dev.hearth.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory log is bounded by bytes as well as lines, and a message cannot pose as two lines. */
class LogStoreTest {

    private static LogStore store(Path dir) {
        LogStore s = new LogStore(
                TestConfig.with(dir, Map.of("hearth.logs.buffer_bytes", "64KB", "hearth.logs.buffer_size", "2000")));
        s.setLevel(Level.ALL);
        return s;
    }

    private static void log(LogStore s, String message) {
        LogRecord r = new LogRecord(Level.WARNING, message);
        r.setLoggerName("test");
        s.publish(r);
    }

    @Test
    void hugeMessagesAreCutAndTheStoreStaysWithinItsBytes(@TempDir Path dir) {
        LogStore s = store(dir);
        for (int i = 0; i < 100; i++) log(s, "Failed login for user '" + "n".repeat(9 * 1024 * 1024 / 100) + "'");
        assertTrue(s.bytes() <= 64 * 1024, "kept " + s.bytes() + " bytes");
        List<LogStore.Entry> kept = s.query("debug", 1000, Instant.EPOCH);
        assertFalse(kept.isEmpty());
        assertTrue(
                kept.stream().allMatch(e -> e.message().length() <= LogStore.MAX_MESSAGE + 32), "each message is cut");
    }

    @Test
    void controlCharactersAreEscaped(@TempDir Path dir) {
        LogStore s = store(dir);
        log(s, "user 'a\n2026-12-01 ERROR forged\r\u0007'");
        String message = s.query("debug", 1, Instant.EPOCH).getFirst().message();
        assertEquals("user 'a\\n2026-12-01 ERROR forged\\r\\u0007'", message);
    }
}
