package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.testing.DockerEngine;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine next to Hearth: where it is looked for, found when it answers, and what to do when it does not. */
class LocalDockerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void dockerHostWinsThenTheDefaultSocketWhenItExistsAndOffLooksForNone() throws Exception {
        Path dir = Files.createTempDirectory("hl");
        Path socket = dir.resolve("docker.sock");
        assertEquals(Optional.empty(), LocalDocker.address("auto", null, socket), "no DOCKER_HOST, no socket");
        assertEquals(Optional.of("tcp://10.0.0.2:2375"), LocalDocker.address("auto", "tcp://10.0.0.2:2375", socket));
        Files.createFile(socket);
        assertEquals(Optional.of("unix://" + socket), LocalDocker.address("auto", "", socket));
        assertEquals(Optional.empty(), LocalDocker.address("off", "tcp://10.0.0.2:2375", socket));
        assertEquals(
                Optional.of("unix:///run/other.sock"), LocalDocker.address("unix:///run/other.sock", null, socket));
    }

    @Test
    void aRealEngineIsFoundAndItsClientListsItsContainers() {
        try (DockerEngine engine = DockerEngine.start()) {
            engine.client().createContainer("next-door", ContainerSpec.of(DockerEngine.TEST_IMAGE, "true"));
            LocalDocker.Probe probe = LocalDocker.probe(engine.host().toString(), null, JSON);
            assertEquals("found", probe.finding().state());
            assertEquals("", probe.finding().hint());
            assertNotNull(probe.client());
            assertEquals(
                    "next-door",
                    probe.client().listContainers(true).getFirst().names().getFirst());
        }
    }

    @Test
    void aSocketNobodyAnswersOnIsUnreachableWithWhatToDo() throws Exception {
        Path socket = Files.createTempDirectory("hl").resolve("docker.sock");
        // a socket file that is bound but never accepts: what a stopped dockerd leaves behind answers the same way
        try (ServerSocketChannel bound = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            bound.bind(UnixDomainSocketAddress.of(socket));
            bound.close();
            LocalDocker.Probe probe = LocalDocker.probe("unix://" + socket, null, JSON);
            assertEquals("unreachable", probe.finding().state());
            assertNull(probe.client(), "no endpoint local for an engine that does not answer");
            assertTrue(!probe.finding().message().isEmpty(), "the engine's failure is named");
            assertTrue(
                    probe.finding().hint().contains("is dockerd running?")
                            && probe.finding().hint().contains("docker-socket-proxy"),
                    probe.finding().hint());
        }
    }

    @Test
    void aSocketHearthMayNotOpenNamesItsGroupToJoin() throws Exception {
        Path socket = Files.createTempDirectory("hl").resolve("docker.sock");
        Files.createFile(socket);
        String group = ((java.nio.file.attribute.GroupPrincipal) Files.getAttribute(socket, "posix:group")).getName();
        String hint = LocalDocker.hint("unix://" + socket, s -> false);
        assertTrue(hint.contains("add it to the group '" + group + "'") && hint.contains("usermod -aG " + group), hint);
        assertTrue(hint.contains("docker-socket-proxy"), hint);
    }
}
