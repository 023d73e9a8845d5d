package dev.hearth.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.testing.TestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way out of the roots we know of is refused, and nothing is ever written outside them. */
class ConfinedFilesTest {
    @TempDir
    Path dataDir;

    Path base;
    Path workspace;
    Path other;
    Path outside;
    RemoteAdmin admin;

    @BeforeEach
    void start() throws IOException {
        base = Workspaces.reachable("hearth-admin-files-");
        workspace = base.resolve("ws");
        other = Files.createDirectories(base.resolve("other"));
        outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside the roots");
        ConfigService config = TestConfig.with(
                dataDir,
                Map.of(
                        "hearth.remote_admin.enabled",
                        "true",
                        "hearth.remote_admin.workspace",
                        workspace.toString(),
                        "hearth.remote_admin.file_roots",
                        "[\"" + workspace + "\", \"" + other + "\"]",
                        "hearth.remote_admin.max_upload",
                        "1KB"));
        admin = new RemoteAdmin(config, new Database(config), Clock.systemUTC(), new ObjectMapper());
        admin.list(RemoteAdminTest.ADMIN, "rest", "", 10, 0); // creates the workspace
    }

    @AfterEach
    void stop() {
        admin.close();
        Workspaces.delete(base);
    }

    Uploaded upload(String dir, String name, String content) {
        return admin.upload(RemoteAdminTest.ADMIN, "rest", dir, name, stage(content));
    }

    String stage(String content) {
        try {
            Path received = Files.createTempFile("hearth-upload-test-", ".bin");
            Files.writeString(received, content);
            return admin.stageUpload(RemoteAdminTest.ADMIN, "rest", received);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String download(String path) throws IOException {
        OpenedFile f = admin.open(RemoteAdminTest.ADMIN, "rest", path);
        try (InputStream in = Channels.newInputStream(f.channel())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Set<String> everythingOutside() throws IOException {
        try (Stream<Path> all = Files.walk(base)) {
            return all.filter(p -> !p.startsWith(workspace) && !p.startsWith(other))
                    .map(Path::toString)
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void uploadListAndDownloadInsideTheRoots() throws IOException {
        Uploaded u = upload("", "notes.txt", "hello");
        assertEquals(workspace.resolve("notes.txt").toString(), u.path());
        assertEquals(5, u.size());
        assertFalse(u.replaced());
        assertEquals(
                65534,
                Files.getAttribute(workspace.resolve("notes.txt"), "unix:uid"),
                "given to run_as, so commands may change it");
        assertTrue(upload("", "notes.txt", "hello again").replaced());
        assertEquals("hello again", download("notes.txt"));
        assertEquals("hello again", download(workspace.resolve("notes.txt").toString()));
        Files.createDirectories(workspace.resolve("sub"));
        upload("sub", "a.json", "{}");
        upload(other.toString(), "b.txt", "in the second root");
        assertEquals("in the second root", download(other.resolve("b.txt").toString()));
        Listing l = admin.list(RemoteAdminTest.ADMIN, "rest", "", 100, 0);
        assertEquals(
                List.of("sub", "notes.txt"),
                l.items().stream()
                        .map(FileEntry::name)
                        .filter(n -> !n.startsWith("."))
                        .toList(),
                "directories first");
        assertEquals("dir", l.items().getFirst().type());
        assertEquals(
                "application/json",
                admin.open(RemoteAdminTest.ADMIN, "rest", "sub/a.json").contentType());
        assertEquals(
                List.of(),
                Files.list(workspace)
                        .filter(p -> p.getFileName().toString().startsWith(".hearth-upload"))
                        .toList(),
                "no temporary file is left");
    }

    @Test
    void pathEscapesOfEveryKindAreRefused() throws IOException {
        Files.createSymbolicLink(workspace.resolve("to-outside"), outside);
        Files.createSymbolicLink(workspace.resolve("secret-link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(workspace.resolve("to-etc"), Path.of("/etc"));
        Files.createSymbolicLink(workspace.resolve("to-other"), other);
        Files.writeString(other.resolve("fine.txt"), "a link between roots is fine");
        Set<String> before = everythingOutside();
        List<String> escapes = List.of(
                "..",
                "../outside/secret.txt",
                "sub/../../outside/secret.txt",
                "/etc/passwd",
                outside + "/secret.txt",
                base + "/ws/../outside/secret.txt",
                "%2e%2e/outside/secret.txt",
                "%252e%252e/outside",
                "..%2fsecret",
                "..\\outside\\secret.txt",
                "to-outside/secret.txt",
                "secret-link",
                "to-etc/passwd",
                "/proc/self/environ",
                "/dev/zero",
                "ws\u0000/x",
                "/",
                base + "/wsx",
                workspace + "-evil/x");
        for (String path : escapes) {
            ApiException list = assertThrows(
                    ApiException.class, () -> admin.list(RemoteAdminTest.ADMIN, "rest", path, 10, 0), path);
            assertTrue(
                    Set.of(ErrorCode.FORBIDDEN, ErrorCode.INVALID_INPUT, ErrorCode.NOT_FOUND)
                            .contains(list.code()),
                    path + ": " + list.code());
            assertThrows(ApiException.class, () -> download(path), path);
            assertThrows(ApiException.class, () -> upload(path, "dropped.txt", "x"), path);
        }
        for (String name : List.of("../dropped.txt", "..", ".", "a/b", "x\u0000y", "%2e%2e", "")) {
            assertThrows(ApiException.class, () -> upload("", name, "x"), name);
        }
        assertEquals(before, everythingOutside(), "nothing was written outside the roots");
        assertEquals("outside the roots", Files.readString(outside.resolve("secret.txt")));
        assertEquals("a link between roots is fine", download("to-other/fine.txt"));
    }

    @Test
    void devicesFifosAndDirectoriesAreNeverOpened() throws Exception {
        Process fifo = new ProcessBuilder("mkfifo", workspace.resolve("pipe").toString()).start();
        assertEquals(0, fifo.waitFor());
        Process dev =
                new ProcessBuilder("mknod", workspace.resolve("null-device").toString(), "c", "1", "3").start();
        assertEquals(0, dev.waitFor());
        Files.createDirectories(workspace.resolve("dir"));
        for (String path : List.of("pipe", "null-device", "dir")) {
            ApiException e = assertThrows(ApiException.class, () -> download(path), path);
            assertEquals(ErrorCode.INVALID_INPUT, e.code(), path);
        }
        Map<String, String> types = admin.list(RemoteAdminTest.ADMIN, "rest", "", 100, 0).items().stream()
                .collect(Collectors.toMap(FileEntry::name, FileEntry::type));
        assertEquals("other", types.get("pipe"));
        assertEquals("other", types.get("null-device"));
        ApiException asDir = assertThrows(ApiException.class, () -> upload("", "dir", "x"));
        assertEquals(ErrorCode.CONFLICT, asDir.code());
    }

    @Test
    void anUploadOverTheLimitLeavesNothingBehind() throws IOException {
        upload("", "big.bin", "old");
        ApiException e = assertThrows(ApiException.class, () -> upload("", "big.bin", "x".repeat(2048)));
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, e.code());
        assertEquals("old", download("big.bin"), "the old file stays whole");
        try (Stream<Path> files = Files.list(workspace)) {
            assertEquals(
                    Set.of("big.bin"),
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> !n.equals(".venv"))
                            .collect(Collectors.toSet()));
        }
        assertThrows(ApiException.class, () -> admin.upload(RemoteAdminTest.ADMIN, "rest", "", "x", "upl_unknown"));
    }
}
