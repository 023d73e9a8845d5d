package dev.hearth.services.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.storage.Database;
import dev.hearth.services.RunState;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hearth starting and stopping: autostart programs run, and when Hearth stops no child of theirs is left. */
class ProcessRuntimesTest {
    @TempDir
    Path dir;

    @Test
    void autostartProgramsStartWithHearthAndStoppingHearthLeavesNoOrphan() {
        String services = """
                [{"name": "daemon", "runtime": {"process": {"command": ["sh", "-c", "sleep 300 & sleep 300 & wait"]}}},
                 {"name": "stubborn", "runtime": {"process": {"command": ["sh", "-c", "trap '' TERM; while true; do sleep 0.1; done"], "stop_timeout": "1s"}}},
                 {"name": "manual", "runtime": {"process": {"command": ["sleep", "300"], "autostart": false}}}]
                """;
        ConfigService config = TestConfig.with(dir, Map.of("hearth.services", services));
        EventBus bus = new EventBus(
                new Database(config),
                JsonMapper.builder().addModule(new JavaTimeModule()).build(),
                Clock.systemUTC(),
                List.of());
        ProcessRuntimes runtimes = new ProcessRuntimes(config, bus, Clock.systemUTC());
        runtimes.start(null);

        ProcessSupervisor daemon = runtimes.find("daemon").orElseThrow();
        ProcessSupervisor stubborn = runtimes.find("stubborn").orElseThrow();
        assertEquals(RunState.RUNNING, daemon.status().state());
        assertEquals(RunState.RUNNING, stubborn.status().state());
        assertEquals(
                RunState.STOPPED, runtimes.find("manual").orElseThrow().status().state(), "autostart: false");
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessSupervisor s : List.of(daemon, stubborn)) {
            ProcessHandle main = ProcessHandle.of(s.status().pid()).orElseThrow();
            all.add(main);
            dev.hearth.testing.Await.untilTrue(
                    java.time.Duration.ofSeconds(3),
                    "children to start",
                    () -> main.children().findAny().isPresent());
            all.addAll(main.descendants().toList());
        }

        long t0 = System.nanoTime();
        runtimes.stop(null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 4000, "children stopped in parallel, the stubborn one killed after its 1 s: " + ms + " ms");
        dev.hearth.testing.Await.untilTrue(
                java.time.Duration.ofSeconds(2),
                "no process left",
                () -> all.stream().noneMatch(ProcessHandle::isAlive));
        assertEquals(RunState.STOPPED, daemon.status().state());
        assertTrue(daemon.status().expected());
    }
}
