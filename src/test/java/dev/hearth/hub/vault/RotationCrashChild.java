package dev.hearth.hub.vault;

import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The JVM {@link VaultRotationCrashTest} kills: opens the vault of a data dir and rotates its key, halting for good at
 * the step named in its arguments (after saying so on stdout), so the test can SIGKILL it right there.
 */
public final class RotationCrashChild {
    private RotationCrashChild() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        RotationStep haltAt = RotationStep.valueOf(args[1]);
        Database db = new Database(TestConfig.sqlite(dataDir));
        Vault vault = new Vault(db, KeySource.of(dataDir, name -> Optional.empty()), Clock.systemUTC(), step -> {
            if (step == haltAt) {
                System.out.println("HALTED AT " + step);
                System.out.flush();
                while (true) {
                    LockSupport.park();
                }
            }
        });
        vault.rotate();
        System.out.println("ROTATED WITHOUT HALTING");
    }
}
