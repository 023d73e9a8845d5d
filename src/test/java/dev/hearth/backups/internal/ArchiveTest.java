package dev.hearth.backups.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Processes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive layout: manifest first, SHA256SUMS last, readable by GNU tar and sha256sum, and every change to a file caught. */
class ArchiveTest {
    static final Instant T = Instant.parse("2026-02-06T02:30:00Z");

    static byte[] archive(Path tree) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveWriter w = new ArchiveWriter(out, "{\"format\":\"x\"}".getBytes(), T);
        w.addBytes("config/hearth.yml", "domain: home.example.org\n".getBytes(), T);
        w.addTree("paths/0", tree);
        w.finish(T);
        return out.toByteArray();
    }

    static Path tree(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("index.html"), "hello");
        Files.createDirectories(root.resolve("a/b"));
        Files.write(root.resolve("a/b/blob.bin"), new byte[200_000]);
        Files.setPosixFilePermissions(root.resolve("a/b/blob.bin"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(root.resolve("latest"), Path.of("a/b/blob.bin"));
        Files.createSymbolicLink(root.resolve("outside"), Path.of("/etc/passwd"));
        return root;
    }

    @Test
    void gnuTarAndSha256sumReadWhatHearthWrites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.tar.gz");
        Files.write(file, archive(tree(dir)));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> listing =
                Processes.run(dir, "tar", "-tzf", file.toString()).lines().toList();
        assertEquals("manifest.json", listing.getFirst());
        assertEquals("SHA256SUMS", listing.getLast());
        Processes.run(dir, "tar", "-xzf", file.toString(), "-C", out.toString());
        String check = Processes.run(out, "sha256sum", "-c", "SHA256SUMS");
        assertTrue(check.contains("paths/0/a/b/blob.bin: OK"), check);
        assertTrue(check.contains("config/hearth.yml: OK"), check);
        assertEquals(
                "a/b/blob.bin",
                Files.readSymbolicLink(out.resolve("paths/0/latest")).toString());
        assertEquals(
                "rwxr-x---",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("paths/0/a/b/blob.bin"))));
    }

    @Test
    void readingBackExtractsEveryFileLinkAndModeAndChecksThem(@TempDir Path dir) throws Exception {
        byte[] a = archive(tree(dir));
        Path out = Files.createDirectories(dir.resolve("out"));
        ArchiveReader.Result r = ArchiveReader.read(new ByteArrayInputStream(a), ArchiveReader.Placement.into(out));
        assertTrue(r.ok(), r.problems().toString());
        assertEquals("{\"format\":\"x\"}", new String(r.manifest(), StandardCharsets.UTF_8));
        assertEquals("hello", Files.readString(out.resolve("paths/0/index.html")));
        assertArrayEquals(new byte[200_000], Files.readAllBytes(out.resolve("paths/0/a/b/blob.bin")));
        assertEquals(
                "/etc/passwd",
                Files.readSymbolicLink(out.resolve("paths/0/outside")).toString(),
                "a link is restored as a link, not followed");
        assertEquals(
                "rwxr-x---",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("paths/0/a/b/blob.bin"))));
    }

    @Test
    void aChangedFileIsNamedWithItsChecksums(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("x"));
        Processes.run(dir, "tar", "-xzf", write(dir, archive(tree(dir))).toString(), "-C", out.toString());
        Files.writeString(out.resolve("paths/0/index.html"), "HELLO"); // same size, other bytes
        Path repacked = dir.resolve("repacked.tar.gz");
        Processes.run(out, "tar", "-czf", repacked.toString(), "manifest.json", "config", "paths", "SHA256SUMS");
        ArchiveReader.Result r = ArchiveReader.read(Files.newInputStream(repacked), null);
        assertFalse(r.ok());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(
                r.problems().getFirst().startsWith("paths/0/index.html: checksum mismatch"),
                r.problems().toString());
    }

    @Test
    void anArchiveCutShortIsNotTakenForWhole(@TempDir Path dir) throws Exception {
        byte[] a = archive(tree(dir));
        byte[] cut = java.util.Arrays.copyOf(a, a.length / 2);
        assertThrows(IOException.class, () -> ArchiveReader.read(new ByteArrayInputStream(cut), null));
    }

    @Test
    void namesThatClimbOutOrWriteThroughALinkAreRefused(@TempDir Path dir) throws Exception {
        byte[] climbing = crafted(List.of("paths/0/../../evil"), null);
        Path o1 = Files.createDirectories(dir.resolve("o1"));
        IOException up = assertThrows(
                IOException.class,
                () -> ArchiveReader.read(new ByteArrayInputStream(climbing), ArchiveReader.Placement.into(o1)));
        assertTrue(up.getMessage().contains("unsafe name"), up.getMessage());
        // GNU tar keeps a leading / with -P; the library this test writes with would strip it
        Path abs = Files.writeString(dir.resolve("abs.txt"), "x");
        Path absolute = dir.resolve("abs.tar.gz");
        Processes.run(dir, "tar", "-czPf", absolute.toString(), abs.toString());
        Path o2 = Files.createDirectories(dir.resolve("o2"));
        IOException rooted = assertThrows(
                IOException.class,
                () -> ArchiveReader.read(Files.newInputStream(absolute), ArchiveReader.Placement.into(o2)));
        assertTrue(rooted.getMessage().contains("unsafe name"), rooted.getMessage());
        Path victim = Files.createDirectories(dir.resolve("victim"));
        byte[] viaLink = crafted(List.of("data/file"), victim.toString());
        Path out = Files.createDirectories(dir.resolve("through"));
        IOException e = assertThrows(
                IOException.class,
                () -> ArchiveReader.read(new ByteArrayInputStream(viaLink), ArchiveReader.Placement.into(out)));
        assertTrue(e.getMessage().contains("through the link"), e.getMessage());
        try (var left = Files.list(victim)) {
            assertEquals(0, left.count(), "nothing was written where the link pointed");
        }
    }

    /** An archive written by hand: a link "data" to {@code linkTarget} (when set), then files of these names. */
    private static byte[] crafted(List<String> names, String linkTarget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new java.util.zip.GZIPOutputStream(out))) {
            TarArchiveEntry m = new TarArchiveEntry("manifest.json");
            m.setSize(2);
            tar.putArchiveEntry(m);
            tar.write("{}".getBytes());
            tar.closeArchiveEntry();
            if (linkTarget != null) {
                TarArchiveEntry l =
                        new TarArchiveEntry("data", org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
                l.setLinkName(linkTarget);
                tar.putArchiveEntry(l);
                tar.closeArchiveEntry();
            }
            for (String n : names) {
                TarArchiveEntry e = new TarArchiveEntry("placeholder");
                e.setName(n);
                e.setSize(1);
                tar.putArchiveEntry(e);
                tar.write('x');
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static Path write(Path dir, byte[] a) throws IOException {
        Path f = dir.resolve("a.tar.gz");
        Files.write(f, a);
        return f;
    }
}
