package dev.hearth.admin;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A Hearth with remote administration on: a workspace and a second root under /tmp (which run_as can reach),
 * no shell, short limits, a local wheel directory for pip, forward-auth from loopback, and its own rate limit.
 * The directories are named after this run's data dir, so Quarkus's two copies of the profile agree.
 */
public class RemoteAdminProfile implements QuarkusTestProfile {
    public static final int RATE_LIMIT = 5000;

    public static Path base() {
        String run = Path.of(System.getProperty("hearth.data_dir", "target/test-data"))
                .getFileName()
                .toString();
        Path base = Path.of("/tmp", "hearth-admin-" + run);
        try {
            Files.createDirectories(base);
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String dir : new String[] {"other-root", "wheels", "outside"}) {
                Path d = Files.createDirectories(base.resolve(dir));
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the directories of earlier runs go after a day (a shutdown hook cannot: Quarkus has closed this class's
        // loader by then)
        if (System.getProperties().putIfAbsent("hearth.test.remote_admin.cleaned", base.toString()) == null) {
            try (var earlier = Files.newDirectoryStream(base.getParent(), "hearth-admin-test-data-*")) {
                earlier.forEach(dir -> {
                    if (!dir.equals(base) && olderThanADay(dir))
                        Workspaces.delete(dir); // never a run going on beside this one
                });
            } catch (IOException ignored) {
                // nothing to tidy
            }
        }
        return base;
    }

    private static boolean olderThanADay(Path dir) {
        try {
            return Files.getLastModifiedTime(dir)
                    .toInstant()
                    .isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        } catch (IOException e) {
            return false;
        }
    }

    public static Path workspace() {
        return base().resolve("workspace");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Path base = base();
        return Map.ofEntries(
                Map.entry("hearth.remote_admin.enabled", "true"),
                Map.entry("hearth.remote_admin.workspace", workspace().toString()),
                Map.entry(
                        "hearth.remote_admin.file_roots",
                        "[\"" + workspace() + "\", \"" + base.resolve("other-root") + "\"]"),
                Map.entry(
                        "hearth.remote_admin.pip_options",
                        "[\"--no-index\", \"--find-links\", \"" + base.resolve("wheels") + "\"]"),
                Map.entry("hearth.remote_admin.timeout", "10s"),
                Map.entry("hearth.remote_admin.max_timeout", "30s"),
                Map.entry("hearth.remote_admin.max_processes", "64"),
                Map.entry("hearth.remote_admin.max_upload", "2MB"),
                Map.entry("hearth.server.max_body_size", "4MB"),
                Map.entry("hearth.rate_limits.groups.remote_admin.per_minute", Integer.toString(RATE_LIMIT)),
                Map.entry("hearth.security.trusted_proxies", "127.0.0.1"),
                Map.entry("hearth.security.forward_auth.enabled", "true"));
    }
}
