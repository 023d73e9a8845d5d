package dev.hearth.media.readarr;

import dev.hearth.media.ManagedKind;
import dev.hearth.media.MediaManager;
import dev.hearth.media.arr.ArrV1Manager;
import dev.hearth.platform.integration.BaseUrls;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.util.Set;

/** The {@code readarr} kind (Readarr, books by author), offering {@link MediaManager}. */
public final class ReadarrKind implements IntegrationKind<ReadarrSettings> {
    public static final String ID = "readarr";

    /** Readarr's words on the shared v1 client: authors by Goodreads id, books as works. */
    static final ArrV1Manager.Words WORDS = new ArrV1Manager.Words(
            "Readarr",
            ManagedKind.BOOKS,
            "author",
            "includeAuthor",
            "authorName",
            "foreignAuthorId",
            "readarr:",
            "searchForMissingBooks",
            "authorId",
            "percentOfBooks",
            "RefreshAuthor",
            "AuthorSearch",
            "DownloadedBooksScan");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Readarr";
    }

    @Override
    public String documentation() {
        return "Readarr's API v1, e.g. http://127.0.0.1:8787 with its URL base if one is set; credentials api_key (Settings → General → Security)";
    }

    @Override
    public String setup() {
        return """
                In Readarr: Settings → General → Security → API Key; give it as `api_key`. Give the address with its URL
                base if one is set (e.g. `http://host:8787/readarr`); writing `…/api/v1` is fine too. `media.download` with
                `kind: book` adds the author with Readarr's first quality profile, first metadata profile and first root
                folder, and Readarr searches for their missing books at once.
                """;
    }

    @Override
    public Class<ReadarrSettings> settings() {
        return ReadarrSettings.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.of(MediaManager.class));
    }

    /** The address as users write it, also with the API's own path (/api/v1); a URL base (sub-path) is kept. */
    @Override
    public URI base(URI written) {
        return BaseUrls.withoutEndpoint(written, "api/v1");
    }

    @Override
    public Integration create(IntegrationTarget<ReadarrSettings> target, KindContext context) {
        return ArrV1Manager.of(ID, WORDS, target, target.settings().apiKey(), context);
    }
}
