package dev.hearth.backups;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;
import dev.hearth.platform.scheduler.CronExpression;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code backups} section (docs/configuration.md, "Backups"): where archives are kept, the passphrase that
 * encrypts them, the schedule (a cron expression) and its retention, and what besides Hearth's own state goes in:
 * paths and named Docker volumes, each inside one of {@code roots}. Read at each use, so it changes at run time.
 */
public record BackupsConfig(
        String directory,
        @Secret String passphrase,
        String schedule,
        int keepDaily,
        int keepWeekly,
        List<String> roots,
        List<String> includePaths,
        List<String> includeVolumes,
        Rclone rclone)
        implements Validated {

    public BackupsConfig {
        directory = directory == null ? "" : directory;
        passphrase = passphrase == null ? "" : passphrase;
        schedule = schedule == null ? "" : schedule.trim();
        roots = roots == null ? List.of() : List.copyOf(roots);
        includePaths = includePaths == null ? List.of() : List.copyOf(includePaths);
        includeVolumes = includeVolumes == null ? List.of() : List.copyOf(includeVolumes);
        rclone = rclone == null ? new Rclone("", "", Duration.ofHours(1)) : rclone;
    }

    /** A copy of every backup on an rclone remote ({@code name:path}), with rclone's own config file. */
    public record Rclone(String remote, String config, Duration timeout) {
        public Rclone {
            remote = remote == null ? "" : remote.trim();
            config = config == null ? "" : config;
            timeout = timeout == null ? Duration.ofHours(1) : timeout;
        }
    }

    @Override
    public void validate(Problems p) {
        p.check(
                directory.isEmpty() || Path.of(directory).isAbsolute(),
                "directory",
                "must be an absolute path (or empty for <data_dir>/backups)");
        if (!schedule.isEmpty()) {
            try {
                CronExpression.parse(schedule);
            } catch (IllegalArgumentException e) {
                p.add("schedule", String.valueOf(e.getMessage()));
            }
            p.check(
                    keepDaily + keepWeekly >= 1,
                    "keep_daily",
                    "keep_daily and keep_weekly are both 0: every scheduled backup would be deleted at once");
        }
        p.check(keepDaily >= 0 && keepDaily <= 366, "keep_daily", "must be between 0 and 366");
        p.check(keepWeekly >= 0 && keepWeekly <= 520, "keep_weekly", "must be between 0 and 520");
        for (int i = 0; i < roots.size(); i++) {
            String root = roots.get(i);
            p.check(
                    Path.of(root).isAbsolute() && !root.equals("/"),
                    "roots[" + i + "]",
                    "'" + root + "' must be an absolute directory other than /");
        }
        for (int i = 0; i < includePaths.size(); i++) {
            String path = includePaths.get(i);
            boolean absolute = Path.of(path).isAbsolute();
            p.check(absolute, "include_paths[" + i + "]", "'" + path + "' must be an absolute path");
            if (absolute) {
                Path normal = Path.of(path).normalize();
                p.check(
                        roots.stream()
                                .anyMatch(r -> normal.startsWith(Path.of(r).normalize())),
                        "include_paths[" + i + "]",
                        "'" + path + "' is outside every backups.roots entry " + roots);
            }
        }
        for (int i = 0; i < includeVolumes.size(); i++) {
            String v = includeVolumes.get(i);
            p.check(
                    v.matches("([A-Za-z0-9][A-Za-z0-9_-]*/)?[A-Za-z0-9][A-Za-z0-9_.-]*"),
                    "include_volumes[" + i + "]",
                    "'" + v + "' must be a Docker volume name, optionally after its endpoint: local/minecraft-world");
        }
        p.check(
                includeVolumes.isEmpty() || !roots.isEmpty(),
                "include_volumes",
                "volumes are read where the engine keeps them, which must be inside backups.roots (e.g. /var/lib/docker/volumes)");
        p.check(
                rclone.remote().isEmpty() || rclone.remote().matches("[A-Za-z0-9_][A-Za-z0-9_. -]*:[^\\n]*"),
                "rclone.remote",
                "'" + rclone.remote() + "' must be an rclone remote and path, e.g. nas:hearth-backups");
        p.check(
                rclone.config().isEmpty() || Path.of(rclone.config()).isAbsolute(),
                "rclone.config",
                "must be an absolute path (or empty)");
        p.positive(rclone.timeout(), "rclone.timeout");
    }
}
