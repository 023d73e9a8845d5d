package dev.hearth.admin;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files inside the configured roots, and nowhere else. A caller's path is refused outright when it holds
 * {@code ..}, a percent-encoded leftover, a backslash or a control character, or names a place outside
 * every root; then its real path (after symbolic links) must be inside a root too. The file is then opened
 * by walking from the root one directory at a time without following links (openat with O_NOFOLLOW, through
 * {@link SecureDirectoryStream}), so a link swapped in after the check is refused rather than followed.
 * Only regular files are read: devices, FIFOs and sockets are listed but never opened.
 */
final class ConfinedFiles {
    private static final Pattern ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> CREATE =
            Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS);

    private final Sandbox sandbox;
    private final boolean kernelGuardsHardLinks;

    /** Where a path lands: the root that holds it and the names from the root down. */
    private record Target(Path root, List<String> names, Path real) {}

    ConfinedFiles(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.kernelGuardsHardLinks = readsOne(Path.of("/proc/sys/fs/protected_hardlinks"));
    }

    /** The roots as configured (the workspace when none is), each by its real path. */
    List<Path> roots() {
        Path ws = sandbox.prepareWorkspace();
        List<String> configured = sandbox.config().fileRoots();
        if (configured.isEmpty()) return List.of(ws);
        List<Path> out = new ArrayList<>();
        for (String root : configured) {
            try {
                out.add(Path.of(root).toRealPath());
            } catch (IOException missing) {
                // a root that does not exist holds nothing
            }
        }
        return out;
    }

    Listing list(String raw, int limit, int offset) {
        Target t = locate(raw);
        List<FileEntry> entries = new ArrayList<>();
        try (SecureDirectoryStream<Path> dir = openDirectory(t.root(), t.names())) {
            for (Path entry : dir) {
                Path name = entry.getFileName();
                PosixFileAttributes a;
                try {
                    a = dir.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                            .readAttributes();
                } catch (IOException vanished) {
                    continue;
                }
                entries.add(new FileEntry(
                        name.toString(),
                        t.real().resolve(name).toString(),
                        type(a),
                        a.size(),
                        a.lastModifiedTime().toInstant()));
            }
        } catch (IOException e) {
            throw failure(raw, e);
        }
        entries.sort(
                Comparator.comparing((FileEntry e) -> !e.type().equals("dir")).thenComparing(FileEntry::name));
        int from = Math.min(offset, entries.size());
        int to = Math.min(entries.size(), from + limit);
        return new Listing(
                t.real().toString(),
                t.root().toString(),
                List.copyOf(entries.subList(from, to)),
                entries.size(),
                to < entries.size(),
                limit,
                offset);
    }

    OpenedFile open(String raw) {
        if (raw.isBlank()) throw ApiException.invalid("path", "is required: the file to download");
        Target t = locate(raw);
        if (t.names().isEmpty())
            throw new ApiException(
                    ErrorCode.INVALID_INPUT, "'" + raw + "' is a directory: only files can be downloaded");
        List<String> parent = t.names().subList(0, t.names().size() - 1);
        Path name = Path.of(t.names().getLast());
        SecureDirectoryStream<Path> dir = null; // closed below: the opened channel outlives it
        try {
            dir = openDirectory(t.root(), parent);
            PosixFileAttributes a = dir.getFileAttributeView(
                            name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
            if (!a.isRegularFile()) {
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        "'" + raw + "' is a " + type(a) + ", not a regular file: only regular files can be downloaded",
                        Map.of("type", type(a)));
            }
            Object links = Files.getAttribute(t.real(), "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            if (!kernelGuardsHardLinks && links instanceof Integer n && n > 1) {
                throw new ApiException(
                        ErrorCode.FORBIDDEN,
                        "'" + raw + "' has " + n + " hard links and this kernel does not guard them "
                                + "(fs.protected_hardlinks is off): it could be a file outside the roots",
                        Map.of("links", n));
            }
            SeekableByteChannel channel = dir.newByteChannel(name, READ);
            return new OpenedFile(
                    t.real().toString(), name.toString(), a.size(), contentType(name.toString()), channel);
        } catch (IOException e) {
            throw failure(raw, e);
        } finally {
            closeQuietly(dir);
        }
    }

    /**
     * Writes {@code data} to {@code filename} in the directory {@code dirRaw}: into a temporary file beside it,
     * then renamed over the target in one step, so a reader sees the old file or the new one, never a part.
     */
    Uploaded upload(String dirRaw, String filename, InputStream data, long maxBytes) {
        checkName(filename);
        Target t = locate(dirRaw);
        Path name = Path.of(filename);
        Path temp = Path.of(".hearth-upload-" + UUID.randomUUID() + ".part");
        try (SecureDirectoryStream<Path> dir = openDirectory(t.root(), t.names())) {
            boolean replaced = false;
            try {
                PosixFileAttributes existing = dir.getFileAttributeView(
                                name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .readAttributes();
                if (existing.isDirectory()) {
                    throw new ApiException(
                            ErrorCode.CONFLICT,
                            "'" + filename + "' is a directory here: it cannot be replaced by a file",
                            Map.of("filename", filename));
                }
                replaced = true;
            } catch (NoSuchFileException absent) {
                // a new file
            }
            long size = 0;
            try (SeekableByteChannel out = dir.newByteChannel(
                    temp, CREATE, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = data.read(buffer)) >= 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new ApiException(
                                ErrorCode.PAYLOAD_TOO_LARGE,
                                "The file is larger than remote_admin.max_upload (" + maxBytes + " bytes)",
                                Map.of("max_bytes", maxBytes));
                    }
                    ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                    while (b.hasRemaining()) out.write(b);
                }
                giveToRunAs(dir, temp);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(dir, temp);
                throw e;
            }
            dir.move(temp, dir, name);
            return new Uploaded(filename, t.real().resolve(name).toString(), size, true, replaced);
        } catch (IOException e) {
            throw failure(dirRaw, e);
        }
    }

    private void giveToRunAs(SecureDirectoryStream<Path> dir, Path file) throws IOException {
        Sandbox.Identity id = sandbox.identity();
        if (!id.dropsPrivileges()) return;
        UserPrincipalLookupService users = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view =
                dir.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setOwner(users.lookupPrincipalByName(Integer.toString(id.uid())));
        view.setGroup(users.lookupPrincipalByGroupName(Integer.toString(id.gid())));
    }

    private Target locate(String raw) {
        checkText(raw);
        Path ws = sandbox.prepareWorkspace();
        Path p = raw.isBlank() ? ws : Path.of(raw);
        if (!p.isAbsolute()) p = ws.resolve(p);
        p = p.normalize();
        List<Path> roots = roots();
        List<String> configured = sandbox.config().fileRoots().isEmpty()
                ? List.of(sandbox.workspace().toString())
                : sandbox.config().fileRoots();
        Path lexical = p;
        boolean named = roots.stream().anyMatch(lexical::startsWith)
                || configured.stream().map(r -> Path.of(r).normalize()).anyMatch(lexical::startsWith);
        if (!named) throw outside(raw, roots);
        Path real;
        try {
            real = p.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "'" + raw + "' does not exist", Map.of("path", raw));
        } catch (IOException e) {
            throw failure(raw, e);
        }
        Path root = roots.stream()
                .filter(real::startsWith)
                .max(Comparator.comparingInt(Path::getNameCount))
                .orElseThrow(() -> outside(raw, roots));
        List<String> names = new ArrayList<>();
        root.relativize(real).forEach(n -> {
            if (!n.toString().isEmpty()) names.add(n.toString());
        });
        return new Target(root, names, real);
    }

    private static SecureDirectoryStream<Path> openDirectory(Path root, List<String> names) throws IOException {
        DirectoryStream<Path> top = Files.newDirectoryStream(root);
        if (!(top instanceof SecureDirectoryStream<Path> dir)) {
            top.close();
            throw Sandbox.unavailable(
                    "this file system cannot open directories safely (no openat): file access is off", Map.of());
        }
        for (String name : names) {
            SecureDirectoryStream<Path> next;
            try {
                next = dir.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
            } finally {
                dir.close();
            }
            dir = next;
        }
        return dir;
    }

    private static void checkText(String raw) {
        if (raw.length() > 4096) throw ApiException.invalid("path", "is longer than 4096 characters");
        if (raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f))
            throw ApiException.invalid("path", "must not hold control characters");
        if (raw.indexOf('\\') >= 0) throw ApiException.invalid("path", "must not hold a backslash");
        if (ENCODED.matcher(raw).find())
            throw ApiException.invalid("path", "must not hold percent-encoded characters (it was encoded twice?)");
        for (String part : raw.split("/")) {
            if (part.equals(".."))
                throw ApiException.invalid("path", "must not hold '..': name the place inside a root directly");
        }
    }

    private static void checkName(String filename) {
        if (filename.isBlank() || filename.equals(".") || filename.equals("..") || filename.contains("/")) {
            throw ApiException.invalid("filename", "must be a plain file name (no '/', not '.' or '..')");
        }
        if (filename.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255)
            throw ApiException.invalid("filename", "is longer than 255 bytes");
        checkText(filename);
    }

    private static ApiException outside(String raw, List<Path> roots) {
        return new ApiException(
                ErrorCode.FORBIDDEN,
                "'" + raw + "' is outside the directories remote administration may reach",
                Map.of("roots", roots.stream().map(Path::toString).toList()));
    }

    private static ApiException failure(String raw, IOException e) {
        if (e instanceof NoSuchFileException)
            return new ApiException(ErrorCode.NOT_FOUND, "'" + raw + "' does not exist", Map.of("path", raw));
        if (e instanceof NotDirectoryException)
            return new ApiException(ErrorCode.INVALID_INPUT, "'" + raw + "' is not a directory", Map.of("path", raw));
        if (e instanceof FileSystemLoopException
                || String.valueOf(e.getMessage()).contains("symbolic link")
                || String.valueOf(e.getMessage()).contains("Too many levels")) {
            return new ApiException(
                    ErrorCode.CONFLICT,
                    "'" + raw + "' changed into a symbolic link while it was being opened: refused",
                    Map.of("path", raw));
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new ApiException(ErrorCode.FORBIDDEN, "'" + raw + "': permission denied", Map.of("path", raw));
        }
        return new ApiException(ErrorCode.INTERNAL_ERROR, "'" + raw + "': " + e.getMessage(), Map.of("path", raw));
    }

    static String type(PosixFileAttributes a) {
        if (a.isDirectory()) return "dir";
        if (a.isRegularFile()) return "file";
        if (a.isSymbolicLink()) return "link";
        return "other";
    }

    static String contentType(String name) {
        String t = URLConnection.getFileNameMap().getContentTypeFor(name);
        return t == null ? "application/octet-stream" : t;
    }

    private static boolean readsOne(Path p) {
        try {
            return Files.readString(p).trim().equals("1");
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static void deleteQuietly(SecureDirectoryStream<Path> dir, Path file) {
        try {
            dir.deleteFile(file);
        } catch (IOException ignored) {
            // never created, or already gone
        }
    }

    private static void closeQuietly(@org.jspecify.annotations.Nullable DirectoryStream<Path> dir) {
        if (dir == null) return;
        try {
            dir.close();
        } catch (IOException ignored) {
            // read-only use
        }
    }
}
