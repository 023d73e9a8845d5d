package dev.hearth.downloads;

import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The directories downloads may be written to, deleted in and moved out of: {@code downloads_dir}, every
 * category's {@code save_path} and {@code downloads.allowed_roots}, as the configuration says — never as a
 * client reports them. A path is judged by its real path (symbolic links followed); a path that does not
 * exist yet by its nearest existing ancestor's real path plus the rest, so a link inside a root that points
 * out of it cannot smuggle a download, a deletion or a library link past the check.
 */
public final class DownloadRoots {
    private final List<String> configured;
    private final List<Path> real;

    private DownloadRoots(List<String> configured) {
        this.configured = List.copyOf(configured);
        List<Path> resolved = new ArrayList<>();
        for (String root : configured) resolve(Path.of(root).toAbsolutePath()).ifPresent(resolved::add);
        this.real = List.copyOf(resolved);
    }

    public static DownloadRoots of(HearthConfig config) {
        Set<String> roots = new LinkedHashSet<>();
        if (!config.downloadsDir().isBlank()) roots.add(config.downloadsDir().trim());
        DownloadsConfig downloads = config.section(DownloadsConfig.class);
        downloads.categories().values().stream()
                .map(DownloadsConfig.Category::savePath)
                .filter(s -> !s.isBlank())
                .forEach(roots::add);
        roots.addAll(downloads.allowedRoots());
        return new DownloadRoots(List.copyOf(roots));
    }

    /** The roots as written in the configuration, for error details. */
    public List<String> configured() {
        return configured;
    }

    /** Whether {@code path} (absolute) really lies inside a root, or is one. */
    public boolean contains(Path path) {
        return resolve(path).map(p -> real.stream().anyMatch(p::startsWith)).orElse(false);
    }

    /**
     * Whether the directory entry {@code path} (a file, a link or a folder, not followed) lies inside a root
     * without being one: what may be deleted. Its folder is judged by real path, the entry itself by name, since
     * deleting a link removes the link and never what it points to.
     */
    public boolean mayDelete(Path path) {
        return entry(path)
                .map(p -> real.stream().anyMatch(r -> p.startsWith(r) && !p.equals(r)))
                .orElse(false);
    }

    /** The root the entry {@code path} lies in (the deepest if several): how far up emptied folders may be removed. */
    public Optional<Path> rootOf(Path path) {
        return entry(path)
                .flatMap(p -> real.stream()
                        .filter(p::startsWith)
                        .max((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount())));
    }

    /** The real path of an entry's folder with the entry's own name: where deleting it acts. */
    public static Optional<Path> entry(Path path) {
        Path parent = path.getParent();
        Path name = path.getFileName();
        if (parent == null
                || name == null
                || name.toString().equals("..")
                || name.toString().equals(".")) return Optional.empty();
        return resolve(parent).map(p -> p.resolve(name));
    }

    /**
     * A caller's destination: an absolute path without {@code .} or {@code ..} that really lies inside a root,
     * else 400 with the roots in {@code details.allowed_roots}.
     */
    public String requireDestination(String field, String destination) {
        String d = destination.trim();
        Path p;
        try {
            p = Path.of(d);
        } catch (InvalidPathException e) {
            throw ApiException.invalid(field, "is not a path");
        }
        if (!p.isAbsolute()) throw ApiException.invalid(field, "must be an absolute directory path");
        for (Path part : p) {
            if (part.toString().equals("..") || part.toString().equals("."))
                throw ApiException.invalid(field, "must not contain . or ..");
        }
        if (!contains(p)) throw outside(field, "'" + d + "' is outside the download directories");
        return d;
    }

    /** 400 naming the roots, for a path that is not inside them. */
    public ApiException outside(String field, String what) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("allowed_roots", configured);
        details.put(
                "configure",
                "downloads_dir, downloads.categories.<name>.save_path or downloads.allowed_roots in hearth.yml");
        String message = field + ": " + what
                + (configured.isEmpty()
                        ? "; no download directory is configured"
                        : " (" + String.join(", ", configured) + ")");
        return new ApiException(ErrorCode.INVALID_INPUT, message, details);
    }

    /**
     * The real path of {@code path}: of the path itself when it exists, else of its nearest existing ancestor
     * with the missing names appended. Empty when it cannot be judged: relative, a dangling link on the way,
     * {@code .} or {@code ..} among the missing names, or an unreadable ancestor.
     */
    static Optional<Path> resolve(Path path) {
        if (!path.isAbsolute()) return Optional.empty();
        Deque<Path> missing = new ArrayDeque<>();
        Path at = path;
        try {
            while (at != null && !Files.exists(at)) {
                // Present but not followable: a link to nowhere, which a client would create its files through.
                if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
                Path name = at.getFileName();
                if (name == null
                        || name.toString().equals("..")
                        || name.toString().equals(".")) return Optional.empty();
                missing.push(name);
                at = at.getParent();
            }
            if (at == null) return Optional.empty();
            Path real = at.toRealPath();
            while (!missing.isEmpty()) real = real.resolve(missing.pop());
            return Optional.of(real);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
