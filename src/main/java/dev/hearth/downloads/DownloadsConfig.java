package dev.hearth.downloads;

import dev.hearth.platform.config.NotChangeableAtRunTime;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.RestartRequired;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code downloads} section: how often each client is polled, the secret of the completion webhook
 * (empty: generated into the data dir at first start), what happens to finished files, the categories, and
 * the directories besides {@code downloads_dir} and the categories' save paths that downloads may be written to
 * and deleted in ({@link DownloadRoots}).
 */
public record DownloadsConfig(
        @RestartRequired Duration pollInterval,
        @Secret String webhookSecret,
        Completion completion,
        Map<String, Category> categories,

        @NotChangeableAtRunTime(reason = "the directories Hearth may write to and delete in change only in hearth.yml")
        List<String> allowedRoots)
        implements Validated {

    private static final Set<String> COMPLETION_MODES = Set.of("move", "link", "none");

    public DownloadsConfig {
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
        completion = completion == null ? new Completion("link") : completion;
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
    }

    /** {@code move}, {@code link} (hard link, copy across file systems) or {@code none}. */
    public record Completion(String mode) {}

    /** Where a category's downloads land, and the library its finished files go to (empty: they stay). */
    public record Category(String savePath, String libraryPath) {
        public Category {
            savePath = savePath == null ? "" : savePath;
            libraryPath = libraryPath == null ? "" : libraryPath;
        }
    }

    @Override
    public void validate(Problems p) {
        p.positive(pollInterval, "poll_interval");
        p.check(COMPLETION_MODES.contains(completion.mode()), "completion.mode", "must be move, link or none");
        p.check(
                webhookSecret.isEmpty() || webhookSecret.length() >= 16,
                "webhook_secret",
                "must be at least 16 characters (or empty to use the generated one)");
        for (int i = 0; i < allowedRoots.size(); i++) {
            String root = allowedRoots.get(i);
            p.check(
                    !root.isBlank() && Path.of(root).isAbsolute(),
                    "allowed_roots[" + i + "]",
                    "must be an absolute directory (got '" + root + "')");
        }
        categories.forEach((name, c) -> {
            Problems at = p.at("categories." + name);
            at.check(
                    name.matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}"),
                    "",
                    "category names are letters, digits, space, _ . or -");
            at.check(
                    c.savePath().isEmpty() || Path.of(c.savePath()).isAbsolute(),
                    "save_path",
                    "must be an absolute path (got '" + c.savePath() + "')");
            at.check(
                    c.libraryPath().isEmpty() || Path.of(c.libraryPath()).isAbsolute(),
                    "library_path",
                    "must be an absolute path (got '" + c.libraryPath() + "')");
        });
    }
}
