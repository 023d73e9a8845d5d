package dev.hearth.media;

/**
 * What an *arr manager manages: Sonarr series, Radarr movies, Lidarr music (by artist), Readarr books (by
 * author). {@code word} is the {@code kind} of {@code media.download}; {@code category} is where an indexer
 * files its releases; {@code manager} is the app that manages it.
 */
public enum ManagedKind {
    SERIES("series", ReleaseCategory.TV, "Sonarr"),
    MOVIES("movie", ReleaseCategory.MOVIES, "Radarr"),
    MUSIC("music", ReleaseCategory.AUDIO, "Lidarr"),
    BOOKS("book", ReleaseCategory.BOOKS, "Readarr");

    private final String word;
    private final ReleaseCategory category;
    private final String manager;

    ManagedKind(String word, ReleaseCategory category, String manager) {
        this.word = word;
        this.category = category;
        this.manager = manager;
    }

    public String word() {
        return word;
    }

    public ReleaseCategory category() {
        return category;
    }

    public String manager() {
        return manager;
    }

    /** Music and books are added by person (artist, author); their releases are not picked by title and year. */
    public boolean byPerson() {
        return this == MUSIC || this == BOOKS;
    }
}
