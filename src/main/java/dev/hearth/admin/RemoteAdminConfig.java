package dev.hearth.admin;

import dev.hearth.platform.config.ByteSize;
import dev.hearth.platform.config.NotChangeableAtRunTime;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Validated;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code remote_admin} section: shell, Python, files and jobs on the home server. Off unless the file
 * turns it on; the whole section is {@link NotChangeableAtRunTime}, so an API key, even an admin's, can never
 * switch on a shell or widen what it may reach.
 */
@NotChangeableAtRunTime(reason = "remote administration is set in hearth.yml only, never through the API")
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
        Duration historyRetention)
        implements Validated {

    public RemoteAdminConfig {
        workspace = workspace == null ? "" : workspace;
        fileRoots = fileRoots == null ? List.of() : List.copyOf(fileRoots);
        runAs = runAs == null ? "" : runAs;
        python = python == null || python.isBlank() ? "/usr/bin/python3" : python;
        pipOptions = pipOptions == null ? List.of() : List.copyOf(pipOptions);
    }

    @Override
    public void validate(Problems p) {
        if (enabled) {
            p.check(
                    !workspace.isBlank() && Path.of(workspace).isAbsolute(),
                    "workspace",
                    "must name an absolute directory when remote_admin.enabled is true: shell commands and Python start there");
        } else {
            p.check(workspace.isEmpty() || Path.of(workspace).isAbsolute(), "workspace", "must be an absolute path");
        }
        for (int i = 0; i < fileRoots.size(); i++) {
            String root = fileRoots.get(i);
            p.check(
                    !root.isBlank()
                            && Path.of(root).isAbsolute()
                            && !Path.of(root).normalize().equals(Path.of("/")),
                    "file_roots[" + i + "]",
                    "must be an absolute directory other than / (got '" + root + "')");
        }
        p.check(
                !runAs.equals("root") && !runAs.equals("0"),
                "run_as",
                "must not be root: commands run as this user when Hearth runs as root");
        p.check(
                runAs.isEmpty() || runAs.matches("[a-z_][a-z0-9_-]{0,31}\\$?|[1-9][0-9]{0,9}"),
                "run_as",
                "must be a user name or a numeric uid (got '" + runAs + "')");
        p.check(Path.of(python).isAbsolute(), "python", "must be the absolute path of a Python 3 interpreter");
        p.positive(timeout, "timeout");
        p.positive(maxTimeout, "max_timeout");
        p.positive(installTimeout, "install_timeout");
        p.positive(jobTimeout, "job_timeout");
        p.positive(historyRetention, "history_retention");
        if (timeout != null && maxTimeout != null) {
            p.check(timeout.compareTo(maxTimeout) <= 0, "timeout", "must not be longer than max_timeout");
        }
        p.check(
                maxOutput != null && maxOutput.bytes() >= 1024 && maxOutput.bytes() <= 64L << 20,
                "max_output",
                "must be between 1KB and 64MB");
        p.check(maxUpload != null && maxUpload.bytes() >= 1, "max_upload", "must be at least 1 byte");
        p.check(maxProcesses >= 8 && maxProcesses <= 100_000, "max_processes", "must be between 8 and 100000");
        p.check(jobWorkers >= 1 && jobWorkers <= 64, "job_workers", "must be between 1 and 64");
        p.check(jobQueue >= 0 && jobQueue <= 10_000, "job_queue", "must be between 0 and 10000");
        for (int i = 0; i < pipOptions.size(); i++) {
            p.check(!pipOptions.get(i).isBlank(), "pip_options[" + i + "]", "must not be empty");
        }
    }
}
