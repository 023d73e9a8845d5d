package dev.hearth.platform.config;

import static dev.hearth.platform.config.ConfigValidator.check;
import static dev.hearth.platform.config.ConfigValidator.positive;

import dev.hearth.platform.scheduler.CronExpression;
import java.nio.file.Path;
import java.util.List;

/** The {@code backups} section's rules, kept together so the section can move to its feature as one. */
final class BackupsValidator {
    private BackupsValidator() {}

    static void validate(HearthConfig.Backups b, List<String> p) {
        check(p, b.directory().isEmpty() || Path.of(b.directory()).isAbsolute(), "backups.directory",
                "must be an absolute path (or empty for <data_dir>/backups)");
        if (!b.schedule().isEmpty()) {
            try {
                CronExpression.parse(b.schedule());
            } catch (IllegalArgumentException e) {
                p.add("backups.schedule: " + e.getMessage());
            }
            check(p, b.keepDaily() + b.keepWeekly() >= 1, "backups.keep_daily",
                    "keep_daily and keep_weekly are both 0: every scheduled backup would be deleted at once");
        }
        check(p, b.keepDaily() >= 0 && b.keepDaily() <= 366, "backups.keep_daily", "must be between 0 and 366");
        check(p, b.keepWeekly() >= 0 && b.keepWeekly() <= 520, "backups.keep_weekly", "must be between 0 and 520");
        for (int i = 0; i < b.roots().size(); i++) {
            String root = b.roots().get(i);
            check(p, Path.of(root).isAbsolute() && !root.equals("/"), "backups.roots[" + i + "]",
                    "'" + root + "' must be an absolute directory other than /");
        }
        for (int i = 0; i < b.includePaths().size(); i++) {
            String path = b.includePaths().get(i);
            boolean absolute = Path.of(path).isAbsolute();
            check(p, absolute, "backups.include_paths[" + i + "]", "'" + path + "' must be an absolute path");
            if (absolute) {
                Path normal = Path.of(path).normalize();
                check(p, b.roots().stream().anyMatch(r -> normal.startsWith(Path.of(r).normalize())), "backups.include_paths[" + i + "]",
                        "'" + path + "' is outside every backups.roots entry " + b.roots());
            }
        }
        for (int i = 0; i < b.includeVolumes().size(); i++) {
            String v = b.includeVolumes().get(i);
            check(p, v.matches("([A-Za-z0-9][A-Za-z0-9_-]*/)?[A-Za-z0-9][A-Za-z0-9_.-]*"), "backups.include_volumes[" + i + "]",
                    "'" + v + "' must be a Docker volume name, optionally after its endpoint: local/minecraft-world");
        }
        check(p, !b.includeVolumes().isEmpty() ? !b.roots().isEmpty() : true, "backups.include_volumes",
                "volumes are read where the engine keeps them, which must be inside backups.roots (e.g. /var/lib/docker/volumes)");
        HearthConfig.BackupRclone r = b.rclone();
        check(p, r.remote().isEmpty() || r.remote().matches("[A-Za-z0-9_][A-Za-z0-9_. -]*:[^\\n]*"), "backups.rclone.remote",
                "'" + r.remote() + "' must be an rclone remote and path, e.g. nas:hearth-backups");
        check(p, r.config().isEmpty() || Path.of(r.config()).isAbsolute(), "backups.rclone.config", "must be an absolute path (or empty)");
        positive(p, r.timeout(), "backups.rclone.timeout");
    }
}
