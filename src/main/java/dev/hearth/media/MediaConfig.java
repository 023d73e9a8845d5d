package dev.hearth.media;

import dev.hearth.media.webhook.WebhookSource;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code media} section: how {@code media.download} chooses (the *arr quality profile and root folders; the
 * rules for an indexer's results), which library a finished download refreshes, and which download categories
 * belong to an *arr app (those are left to its import).
 */
public record MediaConfig(
        Download download, List<LibraryRoute> libraries, List<String> arrCategories, Webhooks webhooks)
        implements Validated {

    public MediaConfig {
        webhooks = webhooks == null ? new Webhooks("", "", "", "") : webhooks;
        download = download == null ? Download.DEFAULTS : download;
        libraries = libraries == null ? List.of() : List.copyOf(libraries);
        arrCategories = arrCategories == null
                ? List.of()
                : arrCategories.stream().map(String::strip).toList();
    }

    /**
     * What {@code media.download} takes: the *arr quality profile by name (empty: the manager's first) and root
     * folders (empty: its first); and for an indexer's results the least seeders, the size range in MB (0: no
     * bound), the words a release is preferred for (earlier words weigh more), and the download category of
     * each kind.
     */
    public record Download(
            String qualityProfile,
            String movieRootFolder,
            String seriesRootFolder,
            int minSeeders,
            long minSizeMb,
            long maxSizeMb,
            List<String> preferredWords,
            String movieCategory,
            String seriesCategory) {
        public static final Download DEFAULTS =
                new Download("", "", "", 1, 0, 0, List.of("1080p", "bluray", "web-dl"), "movies", "tv");

        public Download {
            qualityProfile = qualityProfile == null ? "" : qualityProfile.strip();
            movieRootFolder = movieRootFolder == null ? "" : movieRootFolder.strip();
            seriesRootFolder = seriesRootFolder == null ? "" : seriesRootFolder.strip();
            preferredWords = preferredWords == null
                    ? List.of()
                    : preferredWords.stream()
                            .map(w -> w.strip().toLowerCase(Locale.ROOT))
                            .filter(w -> !w.isEmpty())
                            .toList();
            movieCategory = movieCategory == null ? "" : movieCategory.strip();
            seriesCategory = seriesCategory == null ? "" : seriesCategory.strip();
        }
    }

    /**
     * A finished download of {@code category} (or whose files lie under {@code path}) refreshes {@code library}
     * (a section's name or id) on the media server {@code server} (a service's name; empty: every media server
     * that has a library of that name).
     */
    public record LibraryRoute(String category, String path, String server, String library) {
        public LibraryRoute {
            category = category == null ? "" : category.strip();
            path = path == null ? "" : path.strip();
            server = server == null ? "" : server.strip();
            library = library == null ? "" : library.strip();
        }

        /** True when this route is for a download of {@code taskCategory} whose files are at {@code where}. */
        public boolean matches(String taskCategory, String where) {
            if (!category.isEmpty()) return category.equals(taskCategory);
            if (path.isEmpty() || where.isBlank()) return false;
            Path root = Path.of(path).normalize();
            return Path.of(where).normalize().startsWith(root);
        }
    }

    /**
     * The secret each sender's webhook must present ({@code X-Hearth-Webhook-Secret} or {@code ?secret=}) at
     * {@code /api/v1/webhooks/media/<source>}; empty: that source is not taken.
     */
    public record Webhooks(
            @Secret String arr,
            @Secret String overseerr,
            @Secret String plex,
            @Secret String jellyfin) {
        public Webhooks {
            arr = arr == null ? "" : arr.strip();
            overseerr = overseerr == null ? "" : overseerr.strip();
            plex = plex == null ? "" : plex.strip();
            jellyfin = jellyfin == null ? "" : jellyfin.strip();
        }

        public String of(WebhookSource source) {
            return switch (source) {
                case ARR -> arr;
                case OVERSEERR -> overseerr;
                case PLEX -> plex;
                case JELLYFIN -> jellyfin;
            };
        }
    }

    @Override
    public void validate(Problems p) {
        for (WebhookSource source : WebhookSource.values()) {
            String secret = webhooks.of(source);
            p.check(
                    secret.isEmpty() || secret.length() >= 16,
                    "webhooks." + source.name().toLowerCase(Locale.ROOT),
                    "must be at least 16 characters (or empty: not taken)");
        }
        p.check(download.minSeeders() >= 0, "download.min_seeders", "must be 0 or more");
        p.check(download.minSizeMb() >= 0, "download.min_size_mb", "must be 0 or more");
        p.check(
                download.maxSizeMb() == 0 || download.maxSizeMb() >= download.minSizeMb(),
                "download.max_size_mb",
                "must be 0 (no bound) or at least download.min_size_mb");
        for (int i = 0; i < libraries.size(); i++) {
            LibraryRoute r = libraries.get(i);
            Problems at = p.at("libraries[" + i + "]");
            at.check(!r.library().isEmpty(), "library", "name the library (section) to refresh");
            at.check(
                    !r.category().isEmpty() || !r.path().isEmpty(),
                    "category",
                    "give a download category or a path the route is for");
            at.check(r.path().isEmpty() || Path.of(r.path()).isAbsolute(), "path", "must be an absolute path");
        }
    }
}
