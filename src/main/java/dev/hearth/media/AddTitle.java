package dev.hearth.media;

/**
 * What adding a title needs: which one ({@link TitleCandidate#foreignId()}), with which quality profile,
 * in which root folder, and whether to search for it at once ("search now").
 */
public record AddTitle(
        String foreignId, int qualityProfileId, String rootFolderPath, boolean monitored, boolean searchNow) {
    public AddTitle {
        if (foreignId.isBlank()) throw new IllegalArgumentException("foreignId must not be blank");
        if (rootFolderPath.isBlank()) throw new IllegalArgumentException("rootFolderPath must not be blank");
    }
}
