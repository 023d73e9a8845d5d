package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.RunState;
import dev.hearth.services.ServiceStateChanged;
import dev.hearth.testing.Await;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An endpoint that goes away shows as unreachable (never an error page), and everything resumes when it is back. */
class EndpointRecoveryTest {
    @RegisterExtension
    static DockerEngineHarness docker = DockerEngineHarness.perClass();

    @Test
    void anEndpointThatGoesAwayIsUnreachableAndItsServicesComeBackWithIt(DockerEngine engine) {
        DockerEngineClient client = engine.client(Duration.ofSeconds(3));
        client.createContainer("svc", ContainerSpec.of(DockerEngine.TEST_IMAGE, DockerServiceRuntimeTest.POLITE));
        DockerEndpoints endpoints = new DockerEndpoints(
                Map.of("nas", client), Map.of("nas", engine.host().toString()), Map.of());
        List<ServiceStateChanged> changes = new CopyOnWriteArrayList<>();
        endpoints.watch((endpoint, e) ->
                ContainerStateChanges.of(endpoints, endpoint, e, "svc").ifPresent(changes::add));
        try (endpoints) {
            DockerServiceRuntime rt =
                    new DockerServiceRuntime("svc", "nas", "svc", endpoints, null, null, Duration.ofSeconds(5));
            assertEquals(RunState.RUNNING, rt.start().state());
            Await.untilTrue(
                    Duration.ofSeconds(5),
                    "the first start event",
                    () -> changes.stream().anyMatch(c -> c.state().equals("running")));

            engine.stop();
            var away = rt.status();
            assertEquals(RunState.UNREACHABLE, away.state());
            assertTrue(away.message().contains("'nas'"), away.message());
            ApiException e = assertThrows(ApiException.class, rt::start);
            assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
            assertEquals("nas", e.details().get("endpoint"));

            engine.restart();
            changes.clear();
            // dockerd stopped the container when it went down; Hearth starts it again once the engine is back.
            assertEquals(RunState.RUNNING, Await.until(Duration.ofSeconds(15), "the engine to answer again", () -> {
                try {
                    return rt.start().state();
                } catch (ApiException notYet) {
                    return null;
                }
            }));
            Await.untilTrue(
                    Duration.ofSeconds(15),
                    "the event stream to resume by itself and report the start",
                    () -> changes.stream().anyMatch(c -> c.state().equals("running")));
        }
    }
}
