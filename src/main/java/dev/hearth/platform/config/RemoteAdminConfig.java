package dev.hearth.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code remote_admin} section: shell, Python, files and jobs on the home server (dev.hearth.admin).
 * Off unless the file turns it on; the whole section is {@link NotChangeableAtRunTime} (see HearthConfig),
 * so an API key, even an admin's, can never switch on a shell or widen what it may reach. Self-contained:
 * its record and its checks live here, so the section can move to its feature in one piece.
 */
public record RemoteAdminConfig(
        boolean enabled,
        boolean allowChat,
        boolean shell,
        String workspace,
        List<String> fileRoots,
        String runAs,
        String python,
        List<String> pipOptions,
        Duration timeout,
        Duration maxTimeout,
        Duration installTimeout,
        ByteSize maxOutput,
        ByteSize maxUpload,
        int maxProcesses,
        int jobWorkers,
        int jobQueue,
        Duration jobTimeout,
        Duration historyRetention) {

    public RemoteAdminConfig {
        workspace = workspace == null ? "" : workspace;
        fileRoots = fileRoots == null ? List.of() : List.copyOf(fileRoots);
        runAs = runAs == null ? "" : runAs;
        python = python == null || python.isBlank() ? "/usr/bin/python3" : python;
        pipOptions = pipOptions == null ? List.of() : List.copyOf(pipOptions);
    }

    /** Checks the section; keys in the problems are full ({@code remote_admin.workspace}). */
    static void validate(RemoteAdminConfig c, List<String> p) {
        String at = "remote_admin.";
        if (c.enabled()) {
            ConfigValidator.check(p, !c.workspace().isBlank() && Path.of(c.workspace()).isAbsolute(), at + "workspace",
                    "must name an absolute directory when remote_admin.enabled is true: shell commands and Python start there");
        } else {
            ConfigValidator.check(p, c.workspace().isEmpty() || Path.of(c.workspace()).isAbsolute(), at + "workspace", "must be an absolute path");
        }
        for (int i = 0; i < c.fileRoots().size(); i++) {
            String root = c.fileRoots().get(i);
            ConfigValidator.check(p, !root.isBlank() && Path.of(root).isAbsolute() && !Path.of(root).normalize().equals(Path.of("/")),
                    at + "file_roots[" + i + "]", "must be an absolute directory other than / (got '" + root + "')");
        }
        ConfigValidator.check(p, !c.runAs().equals("root") && !c.runAs().equals("0"), at + "run_as",
                "must not be root: commands run as this user when Hearth runs as root");
        ConfigValidator.check(p, c.runAs().isEmpty() || c.runAs().matches("[a-z_][a-z0-9_-]{0,31}\\$?|[1-9][0-9]{0,9}"), at + "run_as",
                "must be a user name or a numeric uid (got '" + c.runAs() + "')");
        ConfigValidator.check(p, Path.of(c.python()).isAbsolute(), at + "python", "must be the absolute path of a Python 3 interpreter");
        ConfigValidator.positive(p, c.timeout(), at + "timeout");
        ConfigValidator.positive(p, c.maxTimeout(), at + "max_timeout");
        ConfigValidator.positive(p, c.installTimeout(), at + "install_timeout");
        ConfigValidator.positive(p, c.jobTimeout(), at + "job_timeout");
        ConfigValidator.positive(p, c.historyRetention(), at + "history_retention");
        if (c.timeout() != null && c.maxTimeout() != null) {
            ConfigValidator.check(p, c.timeout().compareTo(c.maxTimeout()) <= 0, at + "timeout", "must not be longer than max_timeout");
        }
        ConfigValidator.check(p, c.maxOutput() != null && c.maxOutput().bytes() >= 1024 && c.maxOutput().bytes() <= 64L << 20,
                at + "max_output", "must be between 1KB and 64MB");
        ConfigValidator.check(p, c.maxUpload() != null && c.maxUpload().bytes() >= 1, at + "max_upload", "must be at least 1 byte");
        ConfigValidator.check(p, c.maxProcesses() >= 8 && c.maxProcesses() <= 100_000, at + "max_processes", "must be between 8 and 100000");
        ConfigValidator.check(p, c.jobWorkers() >= 1 && c.jobWorkers() <= 64, at + "job_workers", "must be between 1 and 64");
        ConfigValidator.check(p, c.jobQueue() >= 0 && c.jobQueue() <= 10_000, at + "job_queue", "must be between 0 and 10000");
        for (int i = 0; i < c.pipOptions().size(); i++) {
            ConfigValidator.check(p, !c.pipOptions().get(i).isBlank(), at + "pip_options[" + i + "]", "must not be empty");
        }
    }
}
