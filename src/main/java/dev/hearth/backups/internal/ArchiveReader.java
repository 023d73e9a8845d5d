package dev.hearth.backups.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a backup archive once from start to end, checking every file against {@code SHA256SUMS}, and,
 * when asked, extracts it into a directory. Extraction never writes outside that directory: names with
 * {@code ..} or a leading {@code /} are refused, links are created as links and never written through.
 */
public final class ArchiveReader {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    /** What the archive held and what is wrong with it (empty when every checksum matched). */
    public record Result(byte[] manifest, List<String> files, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Where each entry is extracted: a root it may not leave and its path under that root; null skips it. */
    @FunctionalInterface
    public interface Placement {
        @Nullable
        Target place(String name) throws IOException;

        static Placement into(Path dir) {
            return name -> new Target(dir, name);
        }
    }

    public record Target(Path root, String relative) {}

    private ArchiveReader() {}

    /** Only the manifest, the first entry: what a backup is, without reading all of it. */
    public static byte[] manifest(InputStream gzipped) throws IOException {
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8.name())) {
            TarArchiveEntry e = tar.getNextEntry();
            if (e == null || !e.getName().equals(ArchiveWriter.MANIFEST))
                throw new IOException("not a Hearth backup: manifest.json is not its first entry");
            return tar.readAllBytes();
        }
    }

    /**
     * @param gzipped   the archive as stored, decrypted already
     * @param placement where to extract each entry, or null to only check
     */
    public static Result read(InputStream gzipped, @Nullable Placement placement) throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> files = new ArrayList<>();
        byte[] manifest = null;
        String sums = null;
        boolean first = true;
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8.name())) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName();
                if (!safe(name)) throw new IOException("the archive holds an unsafe name: '" + name + "'");
                if (name.equals(ArchiveWriter.MANIFEST)) {
                    if (!first) problems.add("manifest.json is not the archive's first entry");
                    manifest = tar.readAllBytes();
                    actual.put(name, ArchiveWriter.hex(ArchiveWriter.digest(manifest)));
                    Path target = target(placement, name);
                    if (target != null) {
                        Files.createDirectories(target.getParent());
                        Files.write(target, manifest, StandardOpenOption.CREATE_NEW);
                    }
                } else if (name.equals(ArchiveWriter.CHECKSUMS)) {
                    sums = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                } else if (e.isDirectory()) {
                    Path target = target(placement, name);
                    if (target != null) directory(target, e);
                } else if (e.isSymbolicLink()) {
                    Path target = target(placement, name);
                    if (target != null) link(target, e);
                } else if (e.isFile()) {
                    files.add(name);
                    MessageDigest md = ArchiveWriter.sha256();
                    Path target = target(placement, name);
                    if (target != null) {
                        Files.createDirectories(target.getParent());
                        try (OutputStream out = new DigestOutputStream(
                                Files.newOutputStream(
                                        target,
                                        StandardOpenOption.CREATE_NEW,
                                        StandardOpenOption.WRITE,
                                        LinkOption.NOFOLLOW_LINKS),
                                md)) {
                            tar.transferTo(out);
                        }
                        attributes(target, e);
                    } else {
                        tar.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), md));
                    }
                    actual.put(name, ArchiveWriter.hex(md.digest()));
                } else {
                    problems.add(
                            name + ": an entry of a kind backups do not write (type " + (char) e.getLinkFlag() + ")");
                }
                first = false;
            }
        }
        if (manifest == null) problems.add("manifest.json is missing: this is not a Hearth backup");
        if (sums == null) {
            problems.add("SHA256SUMS is missing: the archive was cut short or is not a Hearth backup");
        } else {
            compare(sums, actual, problems);
        }
        return new Result(manifest == null ? new byte[0] : manifest, files, problems);
    }

    private static void compare(String sums, Map<String, String> actual, List<String> problems) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : sums.split("\n")) {
            if (line.isBlank()) continue;
            int gap = line.indexOf("  ");
            if (gap != 64) {
                problems.add("SHA256SUMS has a line that is not '<sha256>  <name>': " + line);
                continue;
            }
            expected.put(line.substring(gap + 2), line.substring(0, 64));
        }
        expected.forEach((name, sum) -> {
            String got = actual.get(name);
            if (got == null) problems.add(name + ": listed in SHA256SUMS but missing from the archive");
            else if (!got.equalsIgnoreCase(sum))
                problems.add(name + ": checksum mismatch (expected " + sum + ", got " + got + ")");
        });
        actual.keySet().stream()
                .filter(n -> !expected.containsKey(n))
                .forEach(n -> problems.add(n + ": in the archive but not in SHA256SUMS"));
    }

    static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\0")) return false;
        for (String part : name.split("/")) {
            if (part.equals("..")) return false;
        }
        return true;
    }

    private static @Nullable Path target(@Nullable Placement placement, String name) throws IOException {
        if (placement == null) return null;
        Target t = placement.place(name);
        return t == null ? null : inside(t.root(), t.relative());
    }

    /** The path of an entry inside {@code root}, refusing one whose parent inside root is a link. */
    private static Path inside(Path root, String name) throws IOException {
        if (!safe(name.isEmpty() ? "." : name)) throw new IOException("unsafe name '" + name + "'");
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) throw new IOException("'" + name + "' would land outside " + root);
        for (Path p = target.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p))
                throw new IOException("'" + name + "' would be written through the link " + root.relativize(p));
        }
        return target;
    }

    private static void directory(Path dir, TarArchiveEntry e) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(dir);
        attributes(dir, e);
    }

    private static void link(Path link, TarArchiveEntry e) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of(e.getLinkName()));
        if (ROOT) owner(link, e);
    }

    private static void attributes(Path p, TarArchiveEntry e) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values();
        for (int i = 0; i < all.length; i++) {
            if ((e.getMode() & (1 << (8 - i))) != 0) perms.add(all[i]);
        }
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: defaults stand
        }
        Files.setLastModifiedTime(p, FileTime.fromMillis(e.getModTime().getTime()));
        if (ROOT) owner(p, e);
    }

    /** Only root can give files away; anyone else keeps them as their own, as tar does. */
    private static void owner(Path p, TarArchiveEntry e) {
        try {
            Files.setAttribute(p, "unix:uid", (int) e.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", (int) e.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException ignored) {
            // kept as the extracting user's
        }
    }
}
