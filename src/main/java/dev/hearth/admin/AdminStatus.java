package dev.hearth.admin;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What remote administration is set to and what it is doing; limits in bytes and seconds. */
public record AdminStatus(
        boolean enabled,
        boolean shell,
        boolean allowChat,
        String runAs,
        boolean dropsPrivileges,
        String workspace,
        List<String> roots,
        String python,
        Worker worker,
        Jobs jobs,
        Limits limits) {

    public record Worker(
            boolean running, @Nullable Long pid, @Nullable Instant startedAt, int variables) {}

    public record Jobs(long active, int workers, int queue) {}

    public record Limits(
            long timeoutSeconds,
            long maxTimeoutSeconds,
            long installTimeoutSeconds,
            long jobTimeoutSeconds,
            long maxOutputBytes,
            long maxUploadBytes,
            int maxProcesses) {}
}
