package dev.hearth.backups;

import io.quarkus.runtime.Quarkus;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Stops Hearth with the exit status that asks for a restart ({@value #RESTART}, EX_TEMPFAIL): {@code bin/hearth}
 * starts it again at once, as does a systemd unit with {@code Restart=on-failure} or a container with a restart
 * policy. The next start finishes the restore before anything opens the database.
 */
@Singleton
public class HearthExit {
    private static final Logger LOG = Logger.getLogger(HearthExit.class);
    public static final int RESTART = 75;
    /** Long enough for the answer that says so to leave first. */
    private static final Duration GRACE = Duration.ofMillis(750);

    public void restartSoon() {
        Thread.ofVirtual().name("hearth-restart").start(() -> {
            try {
                Thread.sleep(GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.warn(
                    "Stopping to finish a restore; the next start swaps the restored files in (exit status 75 asks for that start)");
            Quarkus.asyncExit(RESTART);
        });
    }
}
