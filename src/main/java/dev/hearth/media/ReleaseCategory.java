package dev.hearth.media;

/** The Newznab/Torznab top-level categories Hearth searches in; {@code id} is the standard number. */
public enum ReleaseCategory {
    ANY(0),
    MOVIES(2000),
    AUDIO(3000),
    TV(5000),
    BOOKS(7000);

    private final int id;

    ReleaseCategory(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }
}
