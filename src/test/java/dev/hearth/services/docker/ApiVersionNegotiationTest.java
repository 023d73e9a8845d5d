package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.fakes.FakeDockerEngine;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerEngineHarness.class)
class ApiVersionNegotiationTest {

    private static DockerEngineClient clientFor(FakeDockerEngine fake) {
        return new DockerEngineClient("fake", fake.host(), Duration.ofSeconds(2), new ObjectMapper());
    }

    @Test
    void theRealEngineIsSpokenToInItsOwnVersion141(DockerEngine engine) {
        DockerEngineClient client = engine.client();

        EngineVersion version = client.version();

        assertEquals("1.41", client.apiVersion());
        assertEquals("1.41", version.negotiated());
        assertEquals("1.41", version.apiVersion());
        assertTrue(version.version().startsWith("20.10"), version.version());
    }

    @Test
    void anEngineOffering144IsSpokenToIn144(/* Docker 29 refuses anything older */ ) throws Exception {
        try (FakeDockerEngine fake = new FakeDockerEngine("1.44")) {
            DockerEngineClient client = clientFor(fake);

            EngineVersion version = client.version();

            assertEquals("1.44", version.negotiated());
            assertEquals("/v1.44/version", fake.paths().getLast());
        }
    }

    @Test
    void anEngineNewerThanTheClientIsSpokenToInTheClientsNewest() throws Exception {
        try (FakeDockerEngine fake = new FakeDockerEngine("1.52")) {
            assertEquals("1.47", clientFor(fake).apiVersion());
        }
    }

    @Test
    void anEngineOlderThanTheMinimumIsRefusedWithAnUpgradeHint() throws Exception {
        try (FakeDockerEngine fake = new FakeDockerEngine("1.30")) {
            var error = assertThrows(
                    DockerException.ApiError.class, () -> clientFor(fake).version());
            assertTrue(error.getMessage().contains("upgrade Docker"), error.getMessage());
        }
    }

    @Test
    void anEngineReplacedByAnOlderOneIsRenegotiatedWithoutFailingTheCall() throws Exception {
        try (FakeDockerEngine fake = new FakeDockerEngine("1.44")) {
            DockerEngineClient client = clientFor(fake);
            assertEquals("1.44", client.apiVersion());

            fake.setApiVersion("1.41"); // now /v1.44/... answers 400 "client version 1.44 is too new"
            EngineVersion version = client.version();

            assertEquals("1.41", version.negotiated());
            assertEquals("/v1.41/version", fake.paths().getLast());
        }
    }
}
