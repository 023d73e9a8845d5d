package dev.hearth.backups.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.jboss.logging.Logger;

/**
 * Writes a backup archive: a gzip'd POSIX tar whose first entry is {@code manifest.json} and whose last is
 * {@code SHA256SUMS} ({@code sha256sum -c} reads it) with the digest of every file before it. Regular
 * files, directories and symbolic links (stored as links, never followed) with their modes and times.
 */
public final class ArchiveWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ArchiveWriter.class);
    public static final String MANIFEST = "manifest.json";
    public static final String CHECKSUMS = "SHA256SUMS";

    private final TarArchiveOutputStream tar;
    private final Map<String, String> sums = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean finished;

    public ArchiveWriter(OutputStream out, byte[] manifest, Instant time) throws IOException {
        this.tar = new TarArchiveOutputStream(new GZIPOutputStream(out, 1 << 16), StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        addBytes(MANIFEST, manifest, time);
    }

    /** What was not stored as it was (a file that changed while it was read, a name sha256sum cannot list). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public void addBytes(String name, byte[] content, Instant time) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        e.setMode(0100600);
        e.setModTime(time.toEpochMilli());
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
        sums.put(name, hex(digest(content)));
    }

    /** One regular file, stored under {@code name}. */
    public void addFile(String name, Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(attrs.size());
        e.setMode(0100000 | mode(file, 0600));
        e.setModTime(attrs.lastModifiedTime().toMillis());
        owner(e, file);
        tar.putArchiveEntry(e);
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            long left = attrs.size();
            byte[] buf = new byte[1 << 16];
            OutputStream sink = new DigestOutputStream(tar, md);
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    // shrank while read: the entry's size is fixed, so it is padded, and said so
                    warnings.add(name + ": shorter than when its copy began (" + left + " bytes padded)");
                    byte[] zeros = new byte[(int) Math.min(buf.length, left)];
                    while (left > 0) {
                        int z = (int) Math.min(zeros.length, left);
                        sink.write(zeros, 0, z);
                        left -= z;
                    }
                    break;
                }
                sink.write(buf, 0, n);
                left -= n;
            }
            if (in.read() >= 0)
                warnings.add(name + ": grew while it was read; the copy holds its first " + attrs.size() + " bytes");
        }
        tar.closeArchiveEntry();
        record(name, md.digest());
    }

    /** A directory tree under {@code prefix}: its files, directories and symbolic links, in a stable order. */
    public void addTree(String prefix, Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = entryName(prefix, root, dir) + "/";
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setMode(040000 | mode(dir, 0755));
                e.setModTime(attrs.lastModifiedTime().toMillis());
                owner(e, dir);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = entryName(prefix, root, file);
                if (attrs.isSymbolicLink()) {
                    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    e.setLinkName(Files.readSymbolicLink(file).toString());
                    e.setModTime(attrs.lastModifiedTime().toMillis());
                    owner(e, file);
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                } else if (attrs.isRegularFile()) {
                    addFile(name, file);
                } else {
                    warnings.add(name + ": not a file, directory or link (a socket or device): left out");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private static String entryName(String prefix, Path root, Path p) {
        String rel = root.relativize(p).toString();
        return rel.isEmpty() ? prefix : prefix + "/" + rel;
    }

    /** Writes SHA256SUMS and ends the tar and the gzip stream (and closes what they write to). */
    public void finish(Instant time) throws IOException {
        if (finished) return;
        finished = true;
        StringBuilder lines = new StringBuilder();
        sums.forEach((name, sum) -> lines.append(sum).append("  ").append(name).append('\n'));
        TarArchiveEntry e = new TarArchiveEntry(CHECKSUMS);
        byte[] content = lines.toString().getBytes(StandardCharsets.UTF_8);
        e.setSize(content.length);
        e.setMode(0100644);
        e.setModTime(time.toEpochMilli());
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
        tar.finish();
        tar.close();
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    private void record(String name, byte[] digest) {
        if (name.contains("\n") || name.contains("\\")) {
            // sha256sum escapes such names in a way few tools read back; the file is stored, unlisted
            warnings.add(name + ": its name holds a newline or backslash, so SHA256SUMS does not list it");
            return;
        }
        sums.put(name, hex(digest));
    }

    /** Owners are kept: a service's volume restored as root's files would no longer be writable by the service. */
    private static void owner(TarArchiveEntry e, Path p) {
        try {
            e.setUserId(((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue());
            e.setGroupId(((Number) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException ignored) {
            // no unix attributes on this file system: the entry says 0
        }
    }

    private static int mode(Path p, int fallback) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            int m = 0;
            for (PosixFilePermission perm : perms) m |= 1 << (8 - perm.ordinal());
            return m;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debugf("no POSIX permissions for %s: %s", p, e.getMessage());
            return fallback;
        }
    }

    static MessageDigest sha256() {
        return Checksums.sha256();
    }

    static byte[] digest(byte[] content) {
        return sha256().digest(content);
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
