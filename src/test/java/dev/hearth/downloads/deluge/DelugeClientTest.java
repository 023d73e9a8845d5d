package dev.hearth.downloads.deluge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.downloads.DownloadClient;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.testing.DelugeDaemon;
import dev.hearth.testing.DownloadClientContract;
import dev.hearth.testing.Targets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real deluged + deluge-web 2.0.3 on loopback. The dead-daemon case kills deluge-web,
 * the process Hearth talks to; its restart also proves the client reconnects it to the daemon.
 */
class DelugeClientTest extends DownloadClientContract {

    Path dir;
    DelugeDaemon daemon;
    HttpStack stack;
    DownloadClient client;

    @BeforeAll
    void start(@TempDir Path tmp) {
        dir = tmp;
        daemon = new DelugeDaemon(dir.resolve("deluge"));
        stack = Targets.stack();
        client = create(DelugeDaemon.PASSWORD);
    }

    @AfterAll
    void stop() {
        stack.close();
        daemon.close();
    }

    private DownloadClient create(String password) {
        return (DownloadClient) Targets.create(stack, "deluge", "deluge", daemon.url(), Map.of("password", password));
    }

    @Override
    protected String kind() {
        return "deluge";
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
        daemon.killWeb();
    }

    @Override
    protected void startDaemon() {
        daemon.startWeb();
    }

    /** deluge-web's address as its JSON-RPC endpoint is written, {@code …/json}. */
    @Test
    void theAddressWrittenWithItsJsonEndpointWorks() {
        DownloadClient c = (DownloadClient) Targets.create(
                stack,
                "deluge",
                "deluge-json",
                daemon.url().resolve("json"),
                Map.of("password", DelugeDaemon.PASSWORD));
        assertEquals(
                dev.hearth.platform.integration.Health.Status.ONLINE,
                c.poll().health().status(),
                c.poll().health().message());
    }
}
