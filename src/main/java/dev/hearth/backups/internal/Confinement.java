package dev.hearth.backups.internal;

import dev.hearth.platform.web.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps every path a backup reads, or a restore writes, beyond Hearth's own state inside {@code backups.roots},
 * judged on the real path (links resolved), so neither a caller nor a crafted archive can reach {@code /etc}.
 */
public final class Confinement {
    private final List<Path> roots;
    private final List<String> configured;

    public Confinement(List<String> roots) {
        this.configured = List.copyOf(roots);
        List<Path> real = new ArrayList<>();
        for (String r : roots) {
            try {
                real.add(Path.of(r).toRealPath());
            } catch (IOException e) {
                // a root that does not exist holds nothing to back up
            }
        }
        this.roots = List.copyOf(real);
    }

    /** An existing path to back up, as its real path. */
    public Path existing(String field, String path) {
        Path p = Path.of(path);
        if (!p.isAbsolute()) throw ApiException.invalid(field, "'" + path + "' must be an absolute path");
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw ApiException.invalid(field, "'" + path + "' does not exist");
        }
        return inside(field, path, real);
    }

    /** A path a restore will write (it may not exist yet): its nearest existing parent's real path, plus the rest. */
    public Path target(String field, String path) {
        Path p = Path.of(path).normalize();
        if (!p.isAbsolute()) throw ApiException.invalid(field, "'" + path + "' must be an absolute path");
        Path existing = p;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing == null) throw ApiException.invalid(field, "'" + path + "' has no existing parent");
        try {
            Path real = existing.toRealPath().resolve(existing.relativize(p));
            return inside(field, path, real);
        } catch (IOException e) {
            throw ApiException.invalid(field, "'" + path + "' cannot be resolved: " + e.getMessage());
        }
    }

    private Path inside(String field, String path, Path real) {
        for (Path root : roots) {
            if (real.startsWith(root) && !real.equals(root.getRoot())) return real;
        }
        throw new ApiException(
                dev.hearth.platform.web.ErrorCode.FORBIDDEN,
                field + ": '" + path + "' (really " + real + ") is outside every backups.roots entry",
                Map.of("field", field, "roots", configured));
    }
}
