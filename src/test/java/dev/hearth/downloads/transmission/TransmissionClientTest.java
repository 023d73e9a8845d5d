package dev.hearth.downloads.transmission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.downloads.DownloadClient;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.testing.DownloadClientContract;
import dev.hearth.testing.Targets;
import dev.hearth.testing.TransmissionDaemon;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real transmission-daemon 3.00 on loopback, with basic auth on top of the 409 exchange. */
class TransmissionClientTest extends DownloadClientContract {

    Path dir;
    TransmissionDaemon daemon;
    HttpStack stack;
    DownloadClient client;

    @BeforeAll
    void start(@TempDir Path tmp) {
        dir = tmp;
        daemon = new TransmissionDaemon(dir.resolve("transmission"));
        stack = Targets.stack();
        client = create(TransmissionDaemon.PASSWORD);
    }

    @AfterAll
    void stop() {
        stack.close();
        daemon.close();
    }

    private DownloadClient create(String password) {
        return (DownloadClient) Targets.create(
                stack,
                "transmission",
                "transmission",
                daemon.url(),
                Map.of("username", TransmissionDaemon.USER, "password", password));
    }

    @Override
    protected String kind() {
        return "transmission";
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

    /** Transmission's address as its clients write it: the RPC endpoint, or the web UI's page. */
    @Test
    void theAddressWrittenWithItsRpcPathOrItsWebUiWorks() {
        for (String written : new String[] {"transmission/rpc", "transmission/web/", "transmission/"}) {
            DownloadClient c = (DownloadClient) Targets.create(
                    stack,
                    "transmission",
                    "tr-" + written.replace('/', '-'),
                    daemon.url().resolve(written),
                    Map.of("username", TransmissionDaemon.USER, "password", TransmissionDaemon.PASSWORD));
            assertEquals(
                    dev.hearth.platform.integration.Health.Status.ONLINE,
                    c.poll().health().status(),
                    written + ": " + c.poll().health().message());
        }
    }
}
