package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No engine needed: what a user sees when the endpoint is wrong or wedged. */
class EngineTimeoutTest {

    @Test
    void anEngineThatAcceptsButNeverAnswersTimesOutInsteadOfHanging() throws Exception {
        // The kernel completes the TCP handshake from the backlog; nobody ever reads or writes.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            DockerEngineClient client = new DockerEngineClient(
                    "wedged",
                    URI.create("tcp://127.0.0.1:" + silent.getLocalPort()),
                    Duration.ofMillis(500),
                    new ObjectMapper());

            long t0 = System.nanoTime();
            var error = assertThrows(DockerException.EngineUnavailable.class, client::ping);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertTrue(took.compareTo(Duration.ofMillis(1500)) < 0, "took " + took);
            assertTrue(
                    error.getMessage().contains("'wedged'")
                            && error.getMessage().contains("no answer within 500 ms"),
                    error.getMessage());
        }
    }

    @Test
    void aMissingSocketSaysSo(@TempDir Path dir) {
        DockerEngineClient client = new DockerEngineClient(
                "local", URI.create("unix://" + dir.resolve("docker.sock")), Duration.ofSeconds(1), new ObjectMapper());

        var error = assertThrows(DockerException.EngineUnavailable.class, () -> client.listContainers(false));

        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    }

    @Test
    void aClosedTcpPortIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DockerEngineClient client = new DockerEngineClient(
                "remote", URI.create("tcp://127.0.0.1:" + port), Duration.ofSeconds(1), new ObjectMapper());

        var error = assertThrows(DockerException.EngineUnavailable.class, client::version);

        assertTrue(error.getMessage().contains("connection refused"), error.getMessage());
    }
}
