package dev.hearth.media;

import dev.hearth.downloads.AddCommand;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.Task;
import dev.hearth.media.internal.MediaLedger;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * "Download Inception": through the *arr manager of that kind when one is configured (lookup, add with the
 * configured quality profile and root folder, search now); otherwise the indexers' best release by the rules of
 * {@code media.download} goes to a download client through the downloads feature's own add. Never guesses: a
 * title that could mean several answers the candidates.
 */
@Singleton
public class MediaDownloads {
    private static final Logger LOG = Logger.getLogger(MediaDownloads.class);
    private static final int SEARCH_LIMIT = 100;
    private static final int MAX_CANDIDATES = 8;

    /** What a caller asks for. */
    public record Request(String title, @Nullable Integer year, ManagedKind kind) {
        public Request {
            title = title.strip();
            if (title.isEmpty()) throw ApiException.invalid("title", "must not be blank");
            if (title.length() > 200) throw ApiException.invalid("title", "at most 200 characters");
            if (year != null && (year < 1870 || year > 2200)) throw ApiException.invalid("year", "is not a year");
            if (year != null && kind.byPerson())
                throw ApiException.invalid(
                        "year", "applies to movies and series; " + kind.word() + " is added by artist or author");
        }

        public static ManagedKind kind(String word) {
            return switch (word.strip().toLowerCase(Locale.ROOT)) {
                case "movie", "film" -> ManagedKind.MOVIES;
                case "series", "show", "tv" -> ManagedKind.SERIES;
                case "music", "artist", "album" -> ManagedKind.MUSIC;
                case "book", "books", "author" -> ManagedKind.BOOKS;
                default -> throw ApiException.invalid("kind", "must be movie, series, music or book");
            };
        }

        String kindWord() {
            return kind.word();
        }
    }

    private final MediaServices services;
    private final DownloadService downloads;
    private final MediaLedger ledger;
    private final ConfigService config;

    public MediaDownloads(MediaServices services, DownloadService downloads, MediaLedger ledger, ConfigService config) {
        this.services = services;
        this.downloads = downloads;
        this.ledger = ledger;
        this.config = config;
    }

    /** True when something can find a title: an *arr manager or an indexer is configured. */
    public boolean canDownload() {
        return !services.offering(MediaManager.class).isEmpty()
                || !services.offering(IndexerSearch.class).isEmpty();
    }

    public DownloadAnswer download(Request request, String addedBy) {
        Optional<MediaManager> manager = services.offering(MediaManager.class).stream()
                .filter(m -> m.manages() == request.kind())
                .findFirst();
        if (manager.isPresent()) return throughManager(manager.get(), request);
        if (request.kind().byPerson()) {
            // Release rules pick a movie or an episode by title and year; an artist's or author's works are the
            // manager's to choose, so music and books go only through Lidarr and Readarr.
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Nothing can download " + request.kindWord() + ": add a "
                            + request.kind().manager()
                            + " service (integration: "
                            + request.kind().manager().toLowerCase(Locale.ROOT)
                            + "); " + request.kindWord() + " is not picked from indexers by title",
                    Map.of(
                            "documentation",
                            "docs/integrations/" + request.kind().manager().toLowerCase(Locale.ROOT) + ".md"));
        }
        List<IndexerSearch> indexers = services.offering(IndexerSearch.class);
        if (indexers.isEmpty()) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Nothing can download a " + request.kindWord() + ": configure "
                            + request.kind().manager()
                            + ", or an indexer (Prowlarr or a Torznab feed) and a download client",
                    Map.of("documentation", "docs/configuration.md#integrations"));
        }
        return throughIndexers(indexers, request, addedBy);
    }

    /**
     * One release a person picked from a search's list (the page's Download button on a row): the indexers are
     * asked again for {@code search} and the release with that title from that indexer goes to a download client.
     * Asked again rather than taking a link from the caller: the links carry the indexers' keys and never leave
     * Hearth, and a caller cannot make Hearth fetch a link of its own.
     */
    public DownloadAnswer downloadRelease(Request search, String releaseTitle, String indexer, String addedBy) {
        List<IndexerSearch> indexers = services.offering(IndexerSearch.class);
        if (indexers.isEmpty())
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "No indexer is configured", Map.of());
        ReleaseCategory category = search.kind().category();
        String term = search.year() == null ? search.title() : search.title() + " " + search.year();
        Release picked = null;
        List<String> failed = new ArrayList<>();
        for (IndexerSearch i : indexers) {
            try {
                picked = i.search(new ReleaseQuery(term, category, SEARCH_LIMIT)).stream()
                        .filter(r ->
                                r.title().equals(releaseTitle) && r.indexer().equals(indexer))
                        .findFirst()
                        .orElse(null);
            } catch (UpstreamException | MediaNotFoundException e) {
                failed.add(i.serviceName());
            }
            if (picked != null) break;
        }
        if (picked == null)
            throw new ApiException(
                    ErrorCode.NOT_FOUND,
                    "No indexer offers '" + releaseTitle + "' from " + indexer + " for '" + term + "' now",
                    failed.isEmpty() ? Map.of() : Map.of("failed", failed));
        MediaConfig.Download rules = config.current().section(MediaConfig.class).download();
        String downloadCategory = downloadCategory(rules, search.kind());
        Task task = downloads.add(
                new AddCommand(picked.link(), null, null, downloadCategory.isEmpty() ? null : downloadCategory, null),
                addedBy);
        ledger.recordDownload(task.id(), search.title(), search.year(), search.kindWord(), picked.title());
        return new DownloadAnswer(
                DownloadAnswer.Outcome.DOWNLOADING,
                search.title(),
                search.year(),
                search.kindWord(),
                indexer + " → " + task.client(),
                "Downloading " + picked.title() + " from " + indexer + ": " + picked.seeders() + " seeders, "
                        + megabytes(picked.size()) + "; picked from the list",
                picked.title(),
                task.id(),
                List.of());
    }

    // ---- an *arr manager

    private DownloadAnswer throughManager(MediaManager manager, Request request) {
        String via = manager.serviceName();
        List<TitleCandidate> found = MediaCalls.call(via, () -> manager.lookup(request.title()));
        List<TitleCandidate> inYear = request.year() == null
                ? found
                : found.stream().filter(c -> request.year().equals(c.year())).toList();
        String wanted = ReleaseRules.words(request.title());
        List<TitleCandidate> exact = inYear.stream()
                .filter(c -> ReleaseRules.words(c.title()).equals(wanted))
                .toList();
        TitleCandidate chosen;
        String why;
        if (exact.size() == 1) {
            chosen = exact.getFirst();
            why = "the only title named exactly '" + request.title() + "'" + inYearWords(request);
        } else if (exact.isEmpty() && inYear.size() == 1) {
            chosen = inYear.getFirst();
            why = "the only match for '" + request.title() + "'" + inYearWords(request);
        } else if (inYear.isEmpty()) {
            return new DownloadAnswer(
                    DownloadAnswer.Outcome.NOT_FOUND,
                    request.title(),
                    request.year(),
                    request.kindWord(),
                    via,
                    via + " knows no " + request.kindWord() + " called '" + request.title() + "'"
                            + inYearWords(request),
                    null,
                    null,
                    List.of());
        } else {
            List<TitleCandidate> shown = exact.isEmpty() ? inYear : exact;
            return ambiguous(
                    request,
                    via,
                    shown.stream()
                            .limit(MAX_CANDIDATES)
                            .map(c -> new DownloadAnswer.Candidate(
                                    c.title(), c.year(), c.alreadyManaged() ? "already in " + via : c.overview()))
                            .toList());
        }
        if (chosen.alreadyManaged()) {
            return new DownloadAnswer(
                    DownloadAnswer.Outcome.ALREADY_MANAGED,
                    chosen.title(),
                    chosen.year(),
                    request.kindWord(),
                    via,
                    via + " already has " + named(chosen.title(), chosen.year()) + " (" + why + ")",
                    null,
                    null,
                    List.of());
        }
        MediaConfig.Download rules = config.current().section(MediaConfig.class).download();
        QualityProfile profile = profile(manager, rules, request.kind());
        RootFolder root = root(manager, rules, request.kind());
        ManagedTitle added = MediaCalls.call(
                via, () -> manager.add(new AddTitle(chosen.foreignId(), profile.id(), root.path(), true, true)));
        return new DownloadAnswer(
                DownloadAnswer.Outcome.ADDED,
                added.title(),
                added.year(),
                request.kindWord(),
                via,
                "Added " + named(added.title(), added.year()) + " to " + via + ": " + why + "; quality profile '"
                        + profile.name() + "', root folder " + root.path() + "; " + via
                        + " searches for it now and imports it when it is downloaded",
                null,
                null,
                List.of());
    }

    /** The configured category of a movie or series a download client files it under; none for music and books. */
    private static String downloadCategory(MediaConfig.Download rules, ManagedKind kind) {
        return switch (kind) {
            case MOVIES -> rules.movieCategory();
            case SERIES -> rules.seriesCategory();
            case MUSIC, BOOKS -> "";
        };
    }

    /** media.download.quality_profile names a movie or series profile; Lidarr and Readarr add with their first. */
    private static QualityProfile profile(MediaManager manager, MediaConfig.Download rules, ManagedKind kind) {
        List<QualityProfile> profiles = MediaCalls.call(manager.serviceName(), manager::qualityProfiles);
        if (profiles.isEmpty()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "'" + manager.serviceName() + "' has no quality profile to add with",
                    Map.of("service", manager.serviceName()));
        }
        if (rules.qualityProfile().isEmpty() || kind.byPerson()) return profiles.getFirst();
        return profiles.stream()
                .filter(p -> p.name().equalsIgnoreCase(rules.qualityProfile()))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.CONFLICT,
                        "'" + manager.serviceName() + "' has no quality profile '" + rules.qualityProfile()
                                + "' (media.download.quality_profile)",
                        Map.of(
                                "known",
                                profiles.stream().map(QualityProfile::name).toList())));
    }

    private static RootFolder root(MediaManager manager, MediaConfig.Download rules, ManagedKind kind) {
        List<RootFolder> roots = MediaCalls.call(manager.serviceName(), manager::rootFolders);
        String wanted = switch (kind) {
            case MOVIES -> rules.movieRootFolder();
            case SERIES -> rules.seriesRootFolder();
            case MUSIC, BOOKS -> "";
        };
        if (roots.isEmpty()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "'" + manager.serviceName() + "' has no root folder to add into",
                    Map.of("service", manager.serviceName()));
        }
        if (wanted.isEmpty()) return roots.getFirst();
        return roots.stream()
                .filter(r -> r.path().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.CONFLICT,
                        "'" + manager.serviceName() + "' has no root folder " + wanted,
                        Map.of("known", roots.stream().map(RootFolder::path).toList())));
    }

    // ---- indexers and a download client

    private DownloadAnswer throughIndexers(List<IndexerSearch> indexers, Request request, String addedBy) {
        ReleaseCategory category = request.kind().category();
        String term = request.year() == null ? request.title() : request.title() + " " + request.year();
        List<Release> releases = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (IndexerSearch indexer : indexers) {
            try {
                releases.addAll(indexer.search(new ReleaseQuery(term, category, SEARCH_LIMIT)));
            } catch (UpstreamException | MediaNotFoundException e) {
                LOG.warnf("Indexer %s failed searching for %s: %s", indexer.serviceName(), term, e.getMessage());
                failed.add(indexer.serviceName());
            }
        }
        String via = String.join(
                ", ", indexers.stream().map(IndexerSearch::serviceName).toList());
        if (releases.isEmpty() && failed.size() == indexers.size()) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "No indexer answered the search for '" + term + "'",
                    Map.of("failed", failed));
        }
        MediaConfig.Download rules = config.current().section(MediaConfig.class).download();
        ReleaseRules.Verdict verdict = ReleaseRules.rank(releases, request.title(), request.year(), rules);
        if (verdict.kept().isEmpty()) {
            return new DownloadAnswer(
                    DownloadAnswer.Outcome.NOT_FOUND,
                    request.title(),
                    request.year(),
                    request.kindWord(),
                    via,
                    "No release of '" + request.title() + "'" + inYearWords(request) + " passes the rules: "
                            + releases.size() + " found, " + dropped(verdict, rules)
                            + (failed.isEmpty() ? "" : "; no answer from " + String.join(", ", failed)),
                    null,
                    null,
                    List.of());
        }
        if (request.year() == null) {
            Map<Integer, ReleaseRules.Ranked> byYear = new LinkedHashMap<>();
            for (ReleaseRules.Ranked r : verdict.kept()) {
                if (r.year() != null) byYear.putIfAbsent(r.year(), r);
            }
            if (byYear.size() > 1) {
                return ambiguous(
                        request,
                        via,
                        byYear.values().stream()
                                .limit(MAX_CANDIDATES)
                                .map(r -> new DownloadAnswer.Candidate(
                                        request.title(),
                                        r.year(),
                                        "best release: " + r.release().title()))
                                .toList());
            }
        }
        ReleaseRules.Ranked best = verdict.kept().getFirst();
        Release release = best.release();
        String downloadCategory = downloadCategory(rules, request.kind());
        Task task = downloads.add(
                new AddCommand(release.link(), null, null, downloadCategory.isEmpty() ? null : downloadCategory, null),
                addedBy);
        ledger.recordDownload(
                task.id(),
                request.title(),
                request.year() != null ? request.year() : best.year(),
                request.kindWord(),
                release.title());
        String why = release.title() + " from " + release.indexer() + ": " + release.seeders() + " seeders, "
                + megabytes(release.size())
                + (best.preferred().isEmpty() ? "" : ", has " + String.join(", ", best.preferred()))
                + "; best of " + verdict.kept().size() + " that pass the rules (" + dropped(verdict, rules) + ")"
                + (failed.isEmpty() ? "" : "; no answer from " + String.join(", ", failed));
        return new DownloadAnswer(
                DownloadAnswer.Outcome.DOWNLOADING,
                request.title(),
                request.year() != null ? request.year() : best.year(),
                request.kindWord(),
                via + " → " + task.client(),
                "Downloading " + why,
                release.title(),
                task.id(),
                List.of());
    }

    private static String dropped(ReleaseRules.Verdict v, MediaConfig.Download rules) {
        return v.otherTitle() + " another title or year, " + v.fewSeeders() + " under " + rules.minSeeders()
                + " seeders, " + v.sizeOutOfRange() + " outside " + rules.minSizeMb() + "–"
                + (rules.maxSizeMb() == 0 ? "∞" : Long.toString(rules.maxSizeMb())) + " MB";
    }

    private static String megabytes(long bytes) {
        return bytes >= 1L << 30
                ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }

    private static DownloadAnswer ambiguous(Request request, String via, List<DownloadAnswer.Candidate> candidates) {
        return new DownloadAnswer(
                DownloadAnswer.Outcome.AMBIGUOUS,
                request.title(),
                request.year(),
                request.kindWord(),
                via,
                "'" + request.title() + "' could be " + candidates.size()
                        + " titles; ask again with the year or the full title",
                null,
                null,
                candidates);
    }

    private static String inYearWords(Request r) {
        return r.year() == null ? "" : " from " + r.year();
    }

    private static String named(String title, @Nullable Integer year) {
        return "'" + title + "'" + (year == null ? "" : " (" + year + ")");
    }
}
