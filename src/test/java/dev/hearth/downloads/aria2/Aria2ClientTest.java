package dev.hearth.downloads.aria2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.downloads.AddRequest;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.testing.Aria2Daemon;
import dev.hearth.testing.DownloadClientContract;
import dev.hearth.testing.FileServer;
import dev.hearth.testing.Targets;
import dev.hearth.testing.TestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real aria2c 1.36 on loopback. */
class Aria2ClientTest extends DownloadClientContract {

    Path dir;
    Aria2Daemon daemon;
    HttpStack stack;
    DownloadClient client;

    @BeforeAll
    void start(@TempDir Path tmp) {
        dir = tmp;
        daemon = new Aria2Daemon(dir.resolve("aria2"));
        stack = Targets.stack();
        client = create(Aria2Daemon.TOKEN);
    }

    @AfterAll
    void stop() {
        stack.close();
        daemon.close();
    }

    private DownloadClient create(String token) {
        // Hearth deletes aria2's files itself, inside the configured download roots only: here aria2's downloads
        // folder.
        ConfigService config = TestConfig.with(
                dir.resolve("hearth"), Map.of("hearth.downloads.allowed_roots", "[\"" + daemon.downloads() + "\"]"));
        return (DownloadClient) Targets.create(
                Targets.context(stack, config::current),
                "aria2",
                "aria2",
                daemon.url(),
                Map.of("token", token),
                Targets.TIMEOUT);
    }

    @Override
    protected String kind() {
        return "aria2";
    }

    @Override
    protected DownloadClient client() {
        return client;
    }

    @Override
    protected Path downloads() {
        return daemon.downloads();
    }

    @Override
    protected Path scratch() {
        return dir.resolve("torrents");
    }

    @Override
    protected DownloadClient clientWithWrongCredentials() {
        return create("not-the-password");
    }

    @Override
    protected void killDaemon() {
        daemon.kill();
    }

    @Override
    protected void startDaemon() {
        daemon.start();
    }

    @Test
    void aRefusedTokenIsRememberedSoLaterCallsFailAtOnceInsteadOfWaitingForAria2() {
        DownloadClient wrong = create("not-the-token");
        assertThrows(UpstreamException.AuthFailed.class, wrong::list);

        long start = System.nanoTime();
        assertThrows(UpstreamException.AuthFailed.class, wrong::list);
        assertTrue(
                Duration.ofNanos(System.nanoTime() - start).toMillis() < 200, "aria2 holds a refused call about 2 s");
    }

    @Test
    void aDirectLinkIsFetchedToCompletion() throws IOException {
        byte[] content = new byte[2 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(content);
        try (FileServer server = new FileServer("direct.bin", content)) {
            String id = client.add(new AddRequest(
                    new AddRequest.Source.Url(server.url("direct.bin").toString()),
                    null,
                    daemon.downloads().toString()));

            DownloadTask done = awaitTask(id, t -> t.status() == TaskStatus.COMPLETED);

            assertEquals(DownloadTask.Type.DIRECT, done.type());
            assertEquals("direct.bin", done.name());
            assertEquals(100, done.progress());
            assertEquals(content.length, done.size());
            assertArrayEquals(content, Files.readAllBytes(daemon.downloads().resolve("direct.bin")));
        }
    }

    /** aria2's docs and its usual clients (AriaNg, webui-aria2) write the RPC address with its endpoint. */
    @Test
    void theRpcAddressWrittenWithJsonrpcAsAria2sDocsWriteItWorks() {
        for (String written : new String[] {"jsonrpc", "jsonrpc/"}) {
            DownloadClient c = (DownloadClient) Targets.create(
                    stack, "aria2", "aria2-jsonrpc", daemon.url().resolve(written), Map.of("token", Aria2Daemon.TOKEN));
            assertEquals(
                    dev.hearth.platform.integration.Health.Status.ONLINE,
                    c.poll().health().status(),
                    written + ": " + c.poll().health().message());
        }
    }
}
