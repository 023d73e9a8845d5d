package dev.hearth.services.docker;

import static dev.hearth.testing.DockerEngine.TEST_IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Await;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DockerEngineHarness.class)
class ContainerLogsTest {

    private DockerEngineClient client;
    private ScratchContainers containers;

    @BeforeEach
    void setUp(DockerEngine engine) {
        client = engine.client();
        containers = new ScratchContainers(client);
    }

    @AfterEach
    void tearDown() {
        containers.close();
    }

    @Test
    void logsKeepStdoutAndStderrApartWithTimestampsAndTail() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Pauses keep the order unambiguous: stdout and stderr reach the engine through separate pipes.
        String id = containers.run(
                ScratchContainers.uniqueName("logs"),
                ContainerSpec.of(TEST_IMAGE, "sh", "-c", "echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three"));
        containers.awaitExit(id);

        List<LogLine> all = client.logs(id, -1, null, true);

        assertEquals(
                List.of("one", "two", "three"), all.stream().map(LogLine::text).toList());
        assertEquals(
                List.of(LogLine.Stream.STDOUT, LogLine.Stream.STDERR, LogLine.Stream.STDOUT),
                all.stream().map(LogLine::stream).toList());
        for (LogLine line : all) {
            assertNotNull(line.timestamp());
            assertFalse(line.timestamp().isBefore(before), line.toString());
            assertFalse(line.timestamp().isAfter(Instant.now()), line.toString());
        }

        List<LogLine> lastTwo = client.logs(id, 2, null, false);
        assertEquals(
                List.of(
                        new LogLine(LogLine.Stream.STDERR, null, "two"),
                        new LogLine(LogLine.Stream.STDOUT, null, "three")),
                lastTwo);
    }

    @Test
    void logsSinceAnInstantLeaveOutEarlierLines() {
        String id = containers.run(
                ScratchContainers.uniqueName("since"),
                ContainerSpec.of(TEST_IMAGE, "sh", "-c", "echo early; sleep 1.5; echo late"));
        containers.awaitExit(id);
        List<LogLine> all = client.logs(id, -1, null, true);
        Instant between = all.get(0).timestamp().plusMillis(500);

        List<LogLine> since = client.logs(id, -1, between, false);

        assertEquals(List.of("late"), since.stream().map(LogLine::text).toList());
    }

    @Test
    void aTtyContainersLogsAreReadAsOneStream() {
        String id = containers.run(
                ScratchContainers.uniqueName("tty"),
                ContainerSpec.of(TEST_IMAGE, "sh", "-c", "echo hello tty; echo also stderr >&2")
                        .withTty(true));
        containers.awaitExit(id);

        List<LogLine> lines = client.logs(id, -1, null, false);

        // A TTY merges both streams and ends lines with CRLF; neither should leak into the text.
        assertEquals(
                List.of(
                        new LogLine(LogLine.Stream.STDOUT, null, "hello tty"),
                        new LogLine(LogLine.Stream.STDOUT, null, "also stderr")),
                lines);
    }

    @Test
    void followingLogsDeliversALineWrittenAfterSubscribing(@TempDir Path trigger) throws Exception {
        // The container writes "late" only once the test creates a file, i.e. surely after subscribing.
        String id = containers.run(
                ScratchContainers.uniqueName("follow"),
                ContainerSpec.of(
                                TEST_IMAGE,
                                "sh",
                                "-c",
                                "echo ready; while [ ! -f /trigger/go ]; do sleep 0.1; done; echo late >&2; sleep 3600")
                        .withBinds(List.of(trigger + ":/trigger")));
        List<LogLine> seen = new CopyOnWriteArrayList<>();

        try (DockerSubscription subscription = client.followLogs(id, -1, null, false, seen::add)) {
            Await.untilTrue(Duration.ofSeconds(10), "the 'ready' line", () -> contains(seen, "ready"));
            Files.createFile(trigger.resolve("go"));

            Await.untilTrue(Duration.ofSeconds(10), "the 'late' line", () -> contains(seen, "late"));
            assertTrue(subscription.isOpen());
            assertEquals(
                    LogLine.Stream.STDERR,
                    seen.stream().filter(l -> l.text().equals("late")).findFirst().orElseThrow().stream());
            assertNull(seen.get(0).timestamp());

            subscription.close();
            assertTrue(subscription.awaitEnd(Duration.ofSeconds(5)), "closing ends the reader");
            assertFalse(subscription.isOpen());
        }
    }

    @Test
    void followingEndsWhenTheContainerStops() throws Exception {
        String id = containers.run(ScratchContainers.uniqueName("ends"), ContainerSpec.of(TEST_IMAGE, "sleep", "3600"));
        try (DockerSubscription subscription = client.followLogs(id, 0, null, false, line -> {})) {
            client.stop(id, Duration.ofSeconds(1));
            assertTrue(subscription.awaitEnd(Duration.ofSeconds(10)), "the stream ends with the container");
        }
    }

    private static boolean contains(List<LogLine> lines, String text) {
        return lines.stream().anyMatch(l -> l.text().equals(text));
    }
}
