package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.ResourceUsage;
import dev.hearth.services.RunState;
import dev.hearth.services.RuntimeStatus;
import dev.hearth.services.ServiceLogLine;
import dev.hearth.services.ServiceStateChanged;
import dev.hearth.testing.Await;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A service whose runtime is a container on a real engine: lifecycle, logs, stats and its events as state changes. */
@ExtendWith(DockerEngineHarness.class)
class DockerServiceRuntimeTest {
    /** Ends on SIGTERM at once (a shell as PID 1 ignores signals it has no trap for). */
    static final String[] POLITE = {"sh", "-c", "trap 'exit 0' TERM; echo started; while true; do sleep 0.2; done"};

    private DockerEngineClient client;
    private ScratchContainers containers;
    private DockerEndpoints endpoints;
    private final List<ServiceStateChanged> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp(DockerEngine engine) {
        client = engine.client();
        containers = new ScratchContainers(client);
        endpoints = new DockerEndpoints(
                Map.of("test", client), Map.of("test", engine.host().toString()), Map.of());
        endpoints.watch(
                (endpoint, e) -> ContainerStateChanges.of(endpoints, endpoint, e, e.name() == null ? "?" : e.name())
                        .ifPresent(changes::add));
    }

    @AfterEach
    void tearDown() {
        endpoints.close();
        containers.close();
    }

    private DockerServiceRuntime runtime(String container) {
        return new DockerServiceRuntime("svc", "test", container, endpoints, "127.0.0.1", 8080, Duration.ofSeconds(5));
    }

    private List<ServiceStateChanged> changesOf(String container) {
        return changes.stream().filter(c -> c.service().equals(container)).toList();
    }

    @Test
    void startingRestartingAndStoppingAContainerThroughHearthIsExpectedAndNeverAlertable() {
        String name = ScratchContainers.uniqueName("life");
        containers.create(name, ContainerSpec.of(DockerEngine.TEST_IMAGE, POLITE));
        DockerServiceRuntime rt = runtime(name);
        assertEquals(RunState.STOPPED, rt.status().state(), "created, never started");

        RuntimeStatus running = rt.start();
        assertEquals(RunState.RUNNING, running.state());
        assertNotNull(running.pid());
        assertNotNull(running.startedAt());
        assertEquals("127.0.0.1", running.host());
        assertEquals(8080, running.port());
        Await.untilTrue(
                Duration.ofSeconds(5),
                "the start event",
                () -> changesOf(name).stream().anyMatch(c -> c.state().equals("running")));

        RuntimeStatus restarted = rt.restart();
        assertEquals(RunState.RUNNING, restarted.state());
        assertNotEquals(running.pid(), restarted.pid(), "a new main process");

        RuntimeStatus stopped = rt.stop();
        assertEquals(RunState.STOPPED, stopped.state());
        assertEquals(0, stopped.exitCode());
        assertTrue(stopped.expected());
        assertNull(stopped.pid());

        Await.untilTrue(
                Duration.ofSeconds(5),
                "running, stopped (restart), running, stopped",
                () -> changesOf(name).stream()
                        .map(ServiceStateChanged::state)
                        .toList()
                        .equals(List.of("running", "stopped", "running", "stopped")));
        changesOf(name).forEach(c -> assertFalse(c.alertable(), c.toString()));
        ServiceStateChanged last = changesOf(name).getLast();
        assertEquals(0, last.exitCode());
        assertEquals("test/" + name, last.detail());
    }

    @Test
    void aContainerThatExitsOneOnItsOwnCarriesItsExitCodeAndIsAlertable() {
        String name = ScratchContainers.uniqueName("dies");
        containers.create(name, ContainerSpec.of(DockerEngine.TEST_IMAGE, "sh", "-c", "sleep 0.5; exit 1"));
        DockerServiceRuntime rt = runtime(name);
        rt.start();
        ServiceStateChanged died = Await.until(
                Duration.ofSeconds(10),
                "the die event",
                () -> changesOf(name).stream()
                        .filter(c -> c.state().equals("exited"))
                        .findFirst()
                        .orElse(null));
        assertEquals(1, died.exitCode());
        assertFalse(died.expected());
        assertTrue(died.alertable());

        RuntimeStatus status = rt.status();
        assertEquals(RunState.EXITED, status.state());
        assertEquals(1, status.exitCode());
        assertFalse(status.expected());
        assertTrue(status.message().contains("exited with code 1"), status.message());
    }

    @Test
    void logsAnswerTheTailWithTimesAndSinceAndCanBeFollowed() throws Exception {
        String name = ScratchContainers.uniqueName("logs");
        containers.run(
                name,
                ContainerSpec.of(
                        DockerEngine.TEST_IMAGE,
                        "sh",
                        "-c",
                        "echo one; sleep 0.1; echo two >&2; sleep 0.1; echo three; trap 'exit 0' TERM; while true; do sleep 0.2; done"));
        DockerServiceRuntime rt = runtime(name);
        List<ServiceLogLine> all = Await.until(Duration.ofSeconds(5), "three lines", () -> {
            List<ServiceLogLine> l = rt.logs(-1, null);
            return l.size() == 3 ? l : null;
        });
        assertEquals(
                List.of("one", "two", "three"),
                all.stream().map(ServiceLogLine::text).toList());
        assertEquals("stderr", all.get(1).stream());
        all.forEach(l -> assertNotNull(l.time()));
        assertEquals(
                List.of("three"),
                rt.logs(1, null).stream().map(ServiceLogLine::text).toList());
        assertEquals(List.of(), rt.logs(-1, all.get(2).time()), "nothing after the last line");

        List<ServiceLogLine> followed = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = rt.follow(1, followed::add)) {
            Await.untilTrue(Duration.ofSeconds(5), "the followed tail", () -> !followed.isEmpty());
        }
        assertEquals("three", followed.getFirst().text());
    }

    @Test
    void statsCountCpuMemoryAgainstItsLimitNetworkAndBlockIo() {
        String name = ScratchContainers.uniqueName("stats");
        containers.run(name, ContainerSpec.of(DockerEngine.TEST_IMAGE, POLITE));
        ResourceUsage u = runtime(name).stats();
        assertTrue(u.memoryUsed() > 0, "memory used " + u.memoryUsed());
        assertTrue(u.memoryLimit() >= u.memoryUsed());
        assertTrue(u.cpuPercent() >= 0);
        assertTrue(u.netRx() >= 0 && u.blockRead() >= 0);
    }

    @Test
    void aMissingContainerIsNotFoundNamingItAndItsEndpoint() {
        DockerServiceRuntime rt = runtime("no-such-container");
        ApiException e = assertThrows(ApiException.class, rt::start);
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(
                e.getMessage().contains("no-such-container") && e.getMessage().contains("'test'"), e.getMessage());
        assertEquals(RunState.UNKNOWN, rt.status().state());
    }

    @Test
    void removingTheContainerLeavesNoContainer() {
        String name = ScratchContainers.uniqueName("gone");
        containers.run(name, ContainerSpec.of(DockerEngine.TEST_IMAGE, POLITE));
        DockerServiceRuntime rt = runtime(name);
        rt.remove();
        assertTrue(rt.status().message().contains("no container"), rt.status().message());
    }
}
