package dev.hearth.services.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.config.ByteSize;
import dev.hearth.services.ResourceUsage;
import dev.hearth.services.RunState;
import dev.hearth.services.RuntimeStatus;
import dev.hearth.services.ServiceEntry;
import dev.hearth.services.ServiceLogLine;
import dev.hearth.services.ServiceStateChanged;
import dev.hearth.testing.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real programs under the supervisor: a small HTTP server, a crashing script, one that ignores SIGTERM. */
class ProcessSupervisorTest {
    @TempDir
    Path dir;

    private final List<ServiceStateChanged> events = new CopyOnWriteArrayList<>();
    private final List<ProcessSupervisor> started = new ArrayList<>();

    @AfterEach
    void closeAll() {
        started.forEach(ProcessSupervisor::close);
    }

    static ServiceEntry.ProcessRuntime program(
            List<String> command,
            String restart,
            Duration stopTimeout,
            String signal,
            Duration backoff,
            int crashLoopLimit,
            ByteSize logMax,
            int logFiles) {
        return new ServiceEntry.ProcessRuntime(
                command,
                Map.of("GREETING", "hello"),
                "",
                signal,
                stopTimeout,
                restart,
                backoff,
                Duration.ofSeconds(30),
                crashLoopLimit,
                Duration.ofMinutes(1),
                true,
                logMax,
                logFiles);
    }

    private ProcessSupervisor supervisor(String name, ServiceEntry.ProcessRuntime config, Integer port) {
        ProcessSupervisor s = new ProcessSupervisor(
                name, config, dir.resolve(name), "127.0.0.1", port, Clock.systemUTC(), events::add);
        started.add(s);
        return s;
    }

    private List<String> states(String service) {
        return events.stream()
                .filter(e -> e.service().equals(service))
                .map(ServiceStateChanged::state)
                .toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aSmallHttpServerStartsAnswersIsMeasuredAndStopsCleanly() throws Exception {
        int port = freePort();
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "hearth test page");
        ProcessSupervisor web = supervisor(
                "web",
                program(
                        List.of("busybox", "httpd", "-f", "-v", "-p", "127.0.0.1:" + port, "-h", www.toString()),
                        "on-failure",
                        Duration.ofSeconds(5),
                        "TERM",
                        Duration.ofSeconds(1),
                        5,
                        ByteSize.parse("1MB"),
                        2),
                port);

        RuntimeStatus started = web.start();
        assertEquals(RunState.RUNNING, started.state());
        assertNotNull(started.pid());
        assertEquals("127.0.0.1", started.host());
        assertEquals(port, started.port());
        long pid = started.pid();

        HttpClient http = HttpClient.newHttpClient();
        String body = Await.until(Duration.ofSeconds(5), "httpd to answer", () -> {
            try {
                return http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (IOException | InterruptedException e) {
                return null;
            }
        });
        assertEquals("hearth test page", body);
        assertEquals(pid, web.start().pid(), "starting a running program answers the running one");

        ResourceUsage usage = web.stats();
        assertTrue(usage.memoryUsed() > 0, "resident memory read from /proc");
        assertTrue(usage.memoryLimit() > usage.memoryUsed());
        assertTrue(usage.cpuPercent() >= 0);

        RuntimeStatus stopped = web.stop();
        assertEquals(RunState.STOPPED, stopped.state());
        assertTrue(stopped.expected(), "a stop through Hearth is expected");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the program is gone");
        assertEquals(List.of("running", "stopped"), states("web"));
        ServiceStateChanged last = events.getLast();
        assertTrue(last.expected());
        assertFalse(last.alertable());
    }

    @Test
    void aCrashingScriptIsRestartedWithGrowingBackoffUntilTheCrashLoopLimit() throws Exception {
        ProcessSupervisor crash = supervisor(
                "crash",
                program(
                        List.of("sh", "-c", "echo \"$GREETING, crashing\"; exit 3"),
                        "on-failure",
                        Duration.ofSeconds(2),
                        "TERM",
                        Duration.ofMillis(200),
                        4,
                        ByteSize.parse("1MB"),
                        2),
                null);
        crash.start();
        Await.untilTrue(
                Duration.ofSeconds(10),
                "the crash loop to be detected",
                () -> crash.status().state() == RunState.FAILED);

        // 4 runs, each exit published with its code, not expected, alertable; the 4th ends the loop.
        assertEquals(
                List.of("running", "exited", "running", "exited", "running", "exited", "running", "exited", "failed"),
                states("crash"));
        List<ServiceStateChanged> exits =
                events.stream().filter(e -> e.state().equals("exited")).toList();
        exits.forEach(e -> {
            assertEquals(3, e.exitCode());
            assertFalse(e.expected());
            assertTrue(e.alertable());
        });
        // The waits between an exit and the next start double: 200, 400, 800 ms.
        List<ServiceStateChanged> runs =
                events.stream().filter(e -> e.state().equals("running")).toList();
        long wait1 = Duration.between(exits.get(0).at(), runs.get(1).at()).toMillis();
        long wait2 = Duration.between(exits.get(1).at(), runs.get(2).at()).toMillis();
        long wait3 = Duration.between(exits.get(2).at(), runs.get(3).at()).toMillis();
        assertTrue(wait1 >= 190 && wait1 < 390, "first wait " + wait1);
        assertTrue(wait2 >= 390 && wait2 < 790, "second wait " + wait2);
        assertTrue(wait3 >= 790 && wait3 < 1590, "third wait " + wait3);

        RuntimeStatus failed = crash.status();
        assertEquals(3, failed.exitCode());
        assertTrue(failed.message().contains("crash loop"), failed.message());
        Thread.sleep(1000);
        assertEquals(RunState.FAILED, crash.status().state(), "no restart after the limit");
        assertEquals(
                4,
                crash.logs(-1, null).stream()
                        .filter(l -> l.text().equals("hello, crashing"))
                        .count(),
                "each run's output (with its env) is in the log");

        events.clear();
        crash.start();
        Await.untilTrue(
                Duration.ofSeconds(10),
                "a start by hand to run the loop again",
                () -> states("crash").contains("failed"));
    }

    @Test
    void aCleanExitIsNotRestartedOnFailureButIsUnderAlways() {
        ProcessSupervisor once = supervisor(
                "once",
                program(
                        List.of("sh", "-c", "exit 0"),
                        "on-failure",
                        Duration.ofSeconds(2),
                        "TERM",
                        Duration.ofMillis(100),
                        3,
                        ByteSize.parse("1MB"),
                        2),
                null);
        once.start();
        Await.untilTrue(Duration.ofSeconds(5), "the exit", () -> once.status().state() == RunState.EXITED);
        assertEquals(0, once.status().exitCode());

        ProcessSupervisor always = supervisor(
                "always",
                program(
                        List.of("sh", "-c", "exit 0"),
                        "always",
                        Duration.ofSeconds(2),
                        "TERM",
                        Duration.ofMillis(100),
                        2,
                        ByteSize.parse("1MB"),
                        2),
                null);
        always.start();
        Await.untilTrue(
                Duration.ofSeconds(5),
                "always to restart until the limit",
                () -> always.status().state() == RunState.FAILED);
        assertEquals(List.of("running", "exited", "running", "exited", "failed"), states("always"));
        assertEquals(List.of("running", "exited"), states("once"));
    }

    @Test
    void aProgramThatIgnoresSigtermIsKilledAfterTheStopTimeoutAndLeavesNoChild() {
        ProcessSupervisor stubborn = supervisor(
                "stubborn",
                program(
                        List.of("sh", "-c", "trap '' TERM; sleep 300 & while true; do sleep 0.1; done"),
                        "always",
                        Duration.ofSeconds(1),
                        "TERM",
                        Duration.ofMillis(100),
                        3,
                        ByteSize.parse("1MB"),
                        2),
                null);
        long pid = stubborn.start().pid();
        Await.untilTrue(
                Duration.ofSeconds(5),
                "the background child",
                () -> ProcessHandle.of(pid).orElseThrow().children().findAny().isPresent());
        List<ProcessHandle> children =
                ProcessHandle.of(pid).orElseThrow().descendants().toList();

        long t0 = System.nanoTime();
        RuntimeStatus stopped = stubborn.stop();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 950 && ms < 5000, "killed after the 1 s stop timeout, took " + ms + " ms");
        assertEquals(RunState.STOPPED, stopped.state());
        assertEquals(137, stopped.exitCode(), "SIGKILL");
        assertTrue(stopped.expected());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        Await.untilTrue(
                Duration.ofSeconds(2), "no orphan", () -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertEquals(List.of("running", "stopped"), states("stubborn"), "a stop through Hearth is never restarted");
    }

    @Test
    void aCustomStopSignalIsSent() {
        ProcessSupervisor polite = supervisor(
                "polite",
                program(
                        List.of("sh", "-c", "trap 'echo got INT; exit 0' INT; while true; do sleep 0.1; done"),
                        "on-failure",
                        Duration.ofSeconds(5),
                        "INT",
                        Duration.ofMillis(100),
                        3,
                        ByteSize.parse("1MB"),
                        2),
                null);
        polite.start();
        Await.untilTrue(
                Duration.ofSeconds(2),
                "the shell to set its trap",
                () -> polite.status().startedAt() != null);
        sleep(300);
        long t0 = System.nanoTime();
        RuntimeStatus stopped = polite.stop();
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000, "SIGINT ended it without waiting for the timeout");
        assertEquals(0, stopped.exitCode());
        Await.untilTrue(
                Duration.ofSeconds(2),
                "its goodbye in the log",
                () -> polite.logs(5, null).stream().anyMatch(l -> l.text().equals("got INT")));
    }

    @Test
    void outputGoesToSizeBoundedRotatingFilesAndCanBeFollowed() throws Exception {
        ProcessSupervisor chatty = supervisor(
                "chatty",
                program(
                        List.of(
                                "sh",
                                "-c",
                                "i=0; while [ $i -lt 400 ]; do echo line-$i; i=$((i+1)); done; sleep 0.3; echo oops >&2; sleep 300"),
                        "no",
                        Duration.ofSeconds(2),
                        "TERM",
                        Duration.ofMillis(100),
                        3,
                        ByteSize.parse("2KB"),
                        3),
                null);
        List<ServiceLogLine> followed = new CopyOnWriteArrayList<>();
        chatty.start();
        try (AutoCloseable ignored = chatty.follow(0, followed::add)) {
            Await.untilTrue(
                    Duration.ofSeconds(5),
                    "all output",
                    () -> chatty.logs(1, null).stream().anyMatch(l -> l.text().equals("oops")));
        }
        Path logs = dir.resolve("chatty").resolve("logs");
        long total;
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> all = files.toList();
            assertEquals(3, all.size(), "output.log and two older files: " + all);
            total = all.stream().mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(total <= 3 * 2048, "bounded to 3 × 2 KB, was " + total);
        List<ServiceLogLine> tail = chatty.logs(2, null);
        assertEquals(
                List.of("line-399", "oops"),
                tail.stream().map(ServiceLogLine::text).toList());
        assertEquals("stderr", tail.get(1).stream());
        assertNotNull(tail.get(1).time());
        assertEquals(List.of(), chatty.logs(10, tail.get(1).time()), "nothing after the last line's time");
        assertTrue(
                followed.size() > 0 && followed.getLast().text().equals("oops"), "followed live: " + followed.size());
    }

    // ---- what an earlier Hearth started (issue 10, point 10; the real kill -9 of a Hearth JVM is ProcessAdoptionIT)

    private ProcessSupervisor supervisor(
            String name, ServiceEntry.ProcessRuntime config, Integer port, List<ServiceStateChanged> sink) {
        ProcessSupervisor s =
                new ProcessSupervisor(name, config, dir.resolve(name), "127.0.0.1", port, Clock.systemUTC(), sink::add);
        started.add(s);
        return s;
    }

    @Test
    void aProgramAnEarlierHearthStartedIsAdoptedNotStartedTwiceAndItsOutputGoesOnInFiles() throws Exception {
        int port = freePort();
        Path www = Files.createDirectories(dir.resolve("www2"));
        Files.writeString(www.resolve("index.html"), "still here");
        ServiceEntry.ProcessRuntime httpd = program(
                List.of("busybox", "httpd", "-f", "-v", "-p", "127.0.0.1:" + port, "-h", www.toString()),
                "no",
                Duration.ofSeconds(5),
                "TERM",
                Duration.ofSeconds(1),
                5,
                ByteSize.parse("1MB"),
                2);
        // The earlier Hearth: it started the program, then "died" (this object is simply never used again).
        ProcessSupervisor earlier = supervisor("adopted", httpd, port, new CopyOnWriteArrayList<>());
        long pid = earlier.start().pid();
        HttpClient http = HttpClient.newHttpClient();
        Await.untilTrue(Duration.ofSeconds(5), "httpd to answer", () -> {
            try {
                return http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
        assertEquals(
                RunState.RUNNING, earlier.status().state(), earlier.status().message());
        assertTrue(Files.exists(dir.resolve("adopted/run.properties")), "what was started is recorded");
        // Its output goes to a file, not to a pipe that dies with Hearth.
        assertTrue(Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/2"))
                .toString()
                .endsWith("spool/stderr"));

        List<ServiceStateChanged> seen = new CopyOnWriteArrayList<>();
        ProcessSupervisor next = supervisor("adopted", httpd, port, seen);
        next.recover();
        RuntimeStatus status = next.status();
        assertEquals(RunState.RUNNING, status.state(), status.message());
        assertEquals(pid, status.pid(), "the same process");
        assertTrue(status.message().contains("adopted"), status.message());
        assertEquals(pid, next.start().pid(), "starting it again answers the adopted one: never a second copy");
        assertEquals(
                List.of("running"),
                seen.stream().map(ServiceStateChanged::state).toList());

        assertEquals(
                "still here",
                http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        Await.untilTrue(
                Duration.ofSeconds(5),
                "httpd's request line read from its output file",
                () -> next.logs(20, null).stream()
                        .anyMatch(l -> l.stream().equals("stderr") && l.text().contains("response:200")));

        RuntimeStatus stopped = next.stop();
        assertEquals(RunState.STOPPED, stopped.state());
        assertTrue(stopped.expected());
        // (Here it is still this JVM's child, reaped a moment after it ends.)
        Await.untilTrue(
                Duration.ofSeconds(2),
                "an adopted program stopped like any other",
                () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(dir.resolve("adopted/run.properties")), "nothing left to adopt");
    }

    @Test
    void aRecordWhosePidNowBelongsToAnotherProcessIsNotAdopted() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            Path serviceDir = Files.createDirectories(dir.resolve("reused"));
            // A record as a killed Hearth left it, whose pid the kernel has since given to another process.
            long realTicks = RunRecord.startTicks(unrelated.pid()).orElseThrow();
            new RunRecord(unrelated.pid(), realTicks - 1, RunRecord.currentBootId(), "any", java.time.Instant.now())
                    .write(serviceDir);
            ProcessSupervisor s = supervisor(
                    "reused",
                    program(
                            List.of("sleep", "300"),
                            "no",
                            Duration.ofSeconds(2),
                            "TERM",
                            Duration.ofMillis(100),
                            3,
                            ByteSize.parse("1MB"),
                            2),
                    null);
            s.recover();
            assertEquals(RunState.STOPPED, s.status().state(), "not taken for ours");
            assertTrue(unrelated.isAlive(), "and not stopped either");
            assertFalse(Files.exists(serviceDir.resolve("run.properties")));
            assertFalse(s.start().pid() == unrelated.pid());
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aProgramStartedUnderAConfigurationChangedSinceIsStoppedBeforeStartingAnew() {
        ServiceEntry.ProcessRuntime before = program(
                List.of("sh", "-c", "sleep 300"),
                "no",
                Duration.ofSeconds(2),
                "TERM",
                Duration.ofMillis(100),
                3,
                ByteSize.parse("1MB"),
                2);
        long pid = supervisor("changed", before, null, new CopyOnWriteArrayList<>())
                .start()
                .pid();
        ServiceEntry.ProcessRuntime after = program(
                List.of("sh", "-c", "sleep 301"),
                "no",
                Duration.ofSeconds(2),
                "TERM",
                Duration.ofMillis(100),
                3,
                ByteSize.parse("1MB"),
                2);
        ProcessSupervisor next = supervisor("changed", after, null, new CopyOnWriteArrayList<>());
        next.recover();
        Await.untilTrue(
                Duration.ofSeconds(5),
                "the old program stopped",
                () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(RunState.STOPPED, next.status().state());
        long fresh = next.start().pid();
        assertFalse(fresh == pid);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
