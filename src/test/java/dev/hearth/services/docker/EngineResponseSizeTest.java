package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.testing.EndlessServer;
import dev.hearth.testing.Waits;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Docker endpoint that answers its first real call without end (a wrong tcp:// address, something posing as
 * an engine) costs Hearth at most 16 MB: the call fails as "unavailable" naming the bound, before its deadline.
 */
class EngineResponseSizeTest {

    @ParameterizedTest
    @EnumSource(EndlessServer.Framing.class)
    void anEndlessAnswerFailsAtTheBound(EndlessServer.Framing framing) {
        try (EndlessServer endless = new EndlessServer(framing)) {
            DockerEngineClient client = new DockerEngineClient(
                    "bigmouth", endless.dockerHost(), Duration.ofSeconds(60), new ObjectMapper());
            long t0 = System.nanoTime();
            var e = assertThrows(DockerException.EngineUnavailable.class, () -> client.listContainers(true));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "failed after " + took);
            assertTrue(
                    e.getMessage().contains("more than 16 MB") && e.getMessage().contains("'bigmouth'"),
                    e.getMessage());
            Waits.until("the connection dropped", Duration.ofSeconds(5), () -> endless.openConnections() == 0);
            assertTrue(endless.bytesSent() < 64L * 1024 * 1024, "sent " + endless.bytesSent());
        }
    }
}
