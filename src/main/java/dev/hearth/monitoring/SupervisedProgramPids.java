package dev.hearth.monitoring;

import dev.hearth.services.process.ProcessRuntimes;
import jakarta.inject.Singleton;
import java.util.Map;

/** The programs the services feature supervises, so each sample measures their CPU and memory from /proc. */
@Singleton
class SupervisedProgramPids implements SupervisedProcesses {
    private final ProcessRuntimes processes;

    SupervisedProgramPids(ProcessRuntimes processes) {
        this.processes = processes;
    }

    @Override
    public Map<String, Long> pids() {
        return processes.runningPids();
    }
}
