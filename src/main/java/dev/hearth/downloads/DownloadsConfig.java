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
        List<String> allowedRoots,

        AutoAdd autoAdd,
        AutoDelete autoDelete)
        implements Validated {

    private static final Set<String> COMPLETION_MODES = Set.of("move", "link", "none");

    public DownloadsConfig {
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
        completion = completion == null ? new Completion("link") : completion;
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
        autoAdd = autoAdd == null ? AutoAdd.OFF : autoAdd;
        autoDelete = autoDelete == null ? AutoDelete.OFF : autoDelete;
    }

    /**
     * A folder watched for .torrent files (Moccha's {@code auto_add_folder}): each is added once, to {@code client}
     * (empty: the first torrent client) with {@code category}, and renamed {@code .added} (or {@code .failed},
     * {@code .refused}). The folder must lie inside the download roots; empty switches the watch off.
     */
    public record AutoAdd(
            String folder,
            String client,
            String category,
            @RestartRequired Duration pollInterval) {
        public static final AutoAdd OFF = new AutoAdd("", "", "", Duration.ofSeconds(10));

        public AutoAdd {
            folder = folder == null ? "" : folder;
            client = client == null ? "" : client;
            category = category == null ? "" : category;
            pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        }
    }

    /**
     * The rule a task added through Hearth gets when its request names none: removed once it has seeded to
     * {@code ratio_limit} or for {@code seed_minutes} (0: that limit is off), its data too if {@code delete_data}.
     */
    public record AutoDelete(double ratioLimit, long seedMinutes, boolean deleteData) {
        public static final AutoDelete OFF = new AutoDelete(0, 0, false);

        public boolean hasNoLimit() {
            return ratioLimit <= 0 && seedMinutes <= 0;
        }
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

    /**
     * True when a finished download of {@code category} is put into a library by the library mover (it then
     * publishes {@link DownloadPlaced}); false when its files stay where the client saved them.
     */
    public boolean placesIntoLibrary(String category) {
        Category c = categories.get(category);
        return !"none".equals(completion.mode())
                && c != null
                && !c.libraryPath().isBlank();
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
        p.positive(autoAdd.pollInterval(), "auto_add.poll_interval");
        p.check(
                autoAdd.folder().isEmpty() || Path.of(autoAdd.folder()).isAbsolute(),
                "auto_add.folder",
                "must be an absolute directory inside the download roots (got '" + autoAdd.folder() + "')");
        p.check(autoDelete.ratioLimit() >= 0, "auto_delete.ratio_limit", "must be 0 (off) or more");
        p.check(autoDelete.seedMinutes() >= 0, "auto_delete.seed_minutes", "must be 0 (off) or more");
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
