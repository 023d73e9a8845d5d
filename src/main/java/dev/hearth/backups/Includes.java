package dev.hearth.backups;

import java.util.List;

/**
 * What a backup takes besides Hearth's own state: paths and Docker named volumes ({@code name} or
 * {@code endpoint/name}), each of which must lie inside {@code backups.roots} (its real path, after links).
 */
public record Includes(List<String> paths, List<String> volumes) {
    public static final Includes NONE = new Includes(List.of(), List.of());

    public Includes {
        paths = List.copyOf(paths);
        volumes = List.copyOf(volumes);
    }

    public boolean isEmpty() {
        return paths.isEmpty() && volumes.isEmpty();
    }
}
