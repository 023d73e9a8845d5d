package dev.hearth.hub.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The key file and its rotation journal. {@code vault.key} holds the key in use (base64, one line, 0600);
 * {@code vault.key.next} exists only while a rotation runs: the new key, made durable before any value is re-sealed
 * under it, so no interruption can leave values sealed under a key that is nowhere. Every file is written to a
 * temporary name, forced to disk and renamed into place, and the directory is forced after each rename.
 */
final class KeyFile {
    private static final Logger LOG = Logger.getLogger(KeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;
    private final Path next;
    private final Path temporary;

    KeyFile(Path path) {
        this.path = path;
        this.next = path.resolveSibling(path.getFileName() + ".next");
        this.temporary = path.resolveSibling(path.getFileName() + ".tmp");
    }

    Path path() {
        return path;
    }

    Optional<MasterKey> read() {
        return readKey(path);
    }

    Optional<MasterKey> readNext() {
        return readKey(next);
    }

    /** Writes a new key file; refuses to replace one (losing a key loses every value sealed under it). */
    void create(MasterKey key) {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new VaultException(
                    VaultException.Reason.KEY_STORAGE,
                    "the key file " + path + " exists already; it is never replaced except by a rotation");
        }
        writeDurably(key, path);
    }

    /** The rotation journal's first entry: the new key, durable, beside the current one. */
    void writeNext(MasterKey key) {
        writeDurably(key, next);
    }

    /** The rotation's last step: the new key replaces the old one in one rename. */
    void promoteNext() {
        try {
            Files.move(next, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            throw storage("cannot move " + next + " over " + path, e);
        }
    }

    void discardNext() {
        try {
            Files.deleteIfExists(next);
            Files.deleteIfExists(temporary);
            forceDirectory();
        } catch (IOException e) {
            throw storage("cannot remove " + next, e);
        }
    }

    private void writeDurably(MasterKey key, Path target) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null && Files.notExists(dir)) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.deleteIfExists(temporary);
            try (FileChannel out = FileChannel.open(
                    temporary,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
                out.write(ByteBuffer.wrap((key.toBase64() + "\n").getBytes(StandardCharsets.US_ASCII)));
                out.force(true);
            }
            Files.setPosixFilePermissions(temporary, OWNER_ONLY); // the umask may have taken bits; this never adds any
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            throw storage("cannot write " + target, e);
        }
    }

    private Optional<MasterKey> readKey(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            tighten(file);
            return Optional.of(
                    MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file));
        } catch (IOException e) {
            throw storage("cannot read " + file, e);
        }
    }

    /** A key file another program loosened (a backup restore, a copy) is made owner-only again when it is ours. */
    private static void tighten(Path file) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (now.equals(OWNER_ONLY)) {
            return;
        }
        Object mine = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (mine.equals(Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            LOG.warnf("Made the vault key file %s owner-only (was %s)", file, PosixFilePermissions.toString(now));
        } else {
            LOG.warnf(
                    "The vault key file %s is %s and belongs to another user; make it 0600",
                    file, PosixFilePermissions.toString(now));
        }
    }

    private void forceDirectory() throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private static VaultException storage(String what, IOException e) {
        return new VaultException(
                VaultException.Reason.KEY_STORAGE,
                what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                e);
    }
}
