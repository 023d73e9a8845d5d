package dev.hearth.hub.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import dev.hearth.testing.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A key rotation killed with SIGKILL (a separate JVM, halted at each step of the rotation) loses nothing: the next
 * start rolls it back (the new key was not in use yet) or completes it (it was), and every value opens.
 */
class VaultRotationCrashTest {

    @ParameterizedTest
    @EnumSource(RotationStep.class)
    void aRotationKilledAtAnyStepLosesNothingAndTheNextStartSettlesIt(RotationStep step, @TempDir Path dir)
            throws Exception {
        Database db = new Database(TestConfig.sqlite(dir));
        Vault vault = vault(db, dir);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            values.put("service-" + i, "secret-value-" + i + "-" + "x".repeat(i * 5));
        }
        values.forEach((service, value) -> vault.put(service, "password", value, "admin"));
        String oldKeyId = vault.status().keyId();

        Path out = dir.resolve("child.out");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx96m",
                        "-XX:TieredStopAtLevel=1",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RotationCrashChild.class.getName(),
                        dir.toString(),
                        step.name())
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        try {
            Waits.until(
                    "the rotating JVM halted at " + step,
                    Duration.ofSeconds(60),
                    () -> read(out).contains("HALTED AT " + step) || !child.isAlive());
            assertTrue(
                    child.isAlive(),
                    "the child ended before halting; stdout: " + read(out) + " stderr: "
                            + read(dir.resolve("child.err")));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally, no flush
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        // What the kill left behind, as the next start finds it.
        Path next = dir.resolve("vault.key.next");
        boolean committed = step == RotationStep.ENTRIES_COMMITTED || step == RotationStep.KEY_SWAPPED;
        assertEquals(
                step != RotationStep.KEY_SWAPPED, Files.exists(next), "the journal is there until the key is swapped");
        String newKeyId = step == RotationStep.KEY_SWAPPED
                ? MasterKey.fromBase64(read(dir.resolve("vault.key")), "file").id()
                : MasterKey.fromBase64(read(next), "file").id();
        List<String> keyIds = db.query("SELECT DISTINCT key_id FROM hub_vault", rs -> rs.getString(1));
        assertEquals(List.of(committed ? newKeyId : oldKeyId), keyIds, "one transaction: all values under one key");

        Vault restarted = vault(new Database(TestConfig.sqlite(dir)), dir);
        values.forEach(
                (service, value) -> assertEquals(Optional.of(value), restarted.get(service, "password"), service));
        VaultStatus status = restarted.status();
        assertEquals(committed ? newKeyId : oldKeyId, status.keyId(), committed ? "completed" : "rolled back");
        assertEquals(0, status.entriesUnderOtherKeys());
        assertFalse(Files.exists(next), "the journal is settled");
        assertFalse(Files.exists(dir.resolve("vault.key.tmp")));

        // And the vault works on: another rotation from the settled state.
        RotationReport again = restarted.rotate();
        assertEquals(values.size(), again.entries());
        values.forEach((service, value) ->
                assertEquals(Optional.of(value), vault(db, dir).get(service, "password")));
    }

    private static Vault vault(Database db, Path dir) {
        return new Vault(db, KeySource.of(dir, name -> Optional.empty()), Clock.systemUTC());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
