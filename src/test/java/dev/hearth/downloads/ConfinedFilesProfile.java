package dev.hearth.downloads;

import dev.hearth.testing.Aria2Daemon;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hearth with download roots — {@code downloads_dir}, the movies category's save path and aria2's folder
 * in {@code downloads.allowed_roots} — a folder outside all of them holding files an attacker wants, the
 * fake torrent client and a REAL aria2, and the movies library on a small tmpfs of its own, so linking into
 * it must copy (a hard link cannot cross file systems).
 */
public class ConfinedFilesProfile implements QuarkusTestProfile {
    static final Path DIR =
            Path.of("target/test-confined/" + ProcessHandle.current().pid()).toAbsolutePath();
    static final Path DOWNLOADS = DIR.resolve("downloads");
    static final Path MOVIES = DOWNLOADS.resolve("movies");
    static final Path OUTSIDE = DIR.resolve("outside");
    static final Path LIBRARY_FS = DIR.resolve("library-fs");
    static final Path LIBRARY = LIBRARY_FS.resolve("movies");
    static final Path ARIA2 = DIR.resolve("aria2");
    static final String DATABASE_PASSWORD = "db-password-in-the-url-4711";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hearth.data_dir",
                DIR.resolve("data").toString(),
                "hearth.downloads_dir",
                DOWNLOADS.toString(),
                "hearth.downloads.allowed_roots",
                "[\"" + ARIA2.resolve("downloads") + "\"]",
                "hearth.downloads.poll_interval",
                "1h",
                "hearth.downloads.completion.mode",
                "link",
                "hearth.downloads.categories",
                "{\"movies\": {\"save_path\": \"" + MOVIES + "\", \"library_path\": \"" + LIBRARY + "\"}}",
                // Not used (SQLite is): there for the answers that must not show its password.
                "hearth.storage.url",
                "jdbc:postgresql://db.lan:5432/hearth?user=hearth&password=" + DATABASE_PASSWORD);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(World.class));
    }

    /** The tmpfs and aria2, up before Hearth starts; the aria2 service is added here, since its port is known only now. */
    public static class World implements QuarkusTestResourceLifecycleManager {
        private Aria2Daemon aria2;
        private boolean mounted;

        @Override
        public Map<String, String> start() {
            try {
                Files.createDirectories(MOVIES);
                Files.createDirectories(OUTSIDE);
                Files.createDirectories(LIBRARY_FS);
                run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", LIBRARY_FS.toString());
                mounted = true;
                aria2 = new Aria2Daemon(ARIA2);
            } catch (IOException e) {
                stop();
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "hearth.services",
                    "[{\"name\": \"fakebit\", \"url\": \"http://127.0.0.1:9\", \"integration\": \"fake-torrent\"},"
                            + " {\"name\": \"aria2\", \"url\": \"" + aria2.url()
                            + "\", \"integration\": \"aria2\", \"credentials\": {\"token\": \""
                            + Aria2Daemon.TOKEN + "\"}}]");
        }

        @Override
        public void stop() {
            if (aria2 != null) aria2.close();
            if (mounted) run("umount", "-l", LIBRARY_FS.toString());
            mounted = false;
        }

        static void run(String... command) {
            try {
                Process p =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
