package dev.hearth.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Remote administration: shell commands, the Python worker, files inside the roots and asynchronous jobs.
 * Every entry point first {@link #authorize}s its caller and door, so it holds whichever door calls it:
 * off means "not found" for everyone; on, only admins — and no forward-auth user Hearth cannot tell from a
 * member of the admin group, and no chat, LLM or MCP door unless {@code allow_chat} says so.
 */
@Singleton
public class RemoteAdmin {
    /** Doors that may call it: the REST API (and the dashboard, which uses it), and the chat doors when allowed. */
    static final Set<String> ALWAYS_DOORS = Set.of("rest");

    static final Set<String> CHAT_DOORS = Set.of("chat", "llm", "mcp");
    private static final Logger LOG = Logger.getLogger(RemoteAdmin.class);
    private static final Pattern REQUIREMENT = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._-]{0,99}(\\[[A-Za-z0-9._,-]{1,100}])?((===?|!=|<=?|>=?|~=)[A-Za-z0-9.*+!_-]{1,50}(,(===?|!=|<=?|>=?|~=)[A-Za-z0-9.*+!_-]{1,50}){0,4})?");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,200}");

    private final ConfigService configService;
    private final RemoteAdminConfig config;
    private final Sandbox sandbox;
    private final PythonWorker worker;
    private final ConfinedFiles files;
    private final Jobs jobs;
    private final History history;
    private final Clock clock;
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final Map<String, Staged> staged = new ConcurrentHashMap<>();

    /** An upload received by a door and waiting for its action: the body in a temporary file, and its owner. */
    private record Staged(Path file, String callerId, Instant expires) {}

    public RemoteAdmin(ConfigService configService, Database db, Clock clock, ObjectMapper json) {
        this.configService = configService;
        this.config = configService.current().section(RemoteAdminConfig.class);
        this.clock = clock;
        this.sandbox = new Sandbox(config, System.getenv());
        this.worker = new PythonWorker(sandbox, json);
        this.files = new ConfinedFiles(sandbox);
        this.jobs = new Jobs(sandbox, worker, db, clock);
        this.history = new History(db, clock, config.historyRetention());
    }

    void started(@Observes StartupEvent start) {
        // what a crash left running is killed and marked interrupted, even when remote admin was turned off since
        Thread.ofVirtual().name("remote-admin-recover").start(() -> {
            try {
                int n = recoverJobs();
                if (n > 0) LOG.infof("Remote admin: %d job(s) left by the last run are marked interrupted", n);
            } catch (RuntimeException e) {
                LOG.warnf("Remote admin: could not look for jobs left by the last run: %s", e.getMessage());
            }
        });
    }

    /** Jobs an earlier run left queued or running: their processes killed, their status interrupted. */
    int recoverJobs() {
        return jobs.recover();
    }

    void stopping(@Observes ShutdownEvent stop) {
        close();
    }

    /** Stops the worker and every job (marked interrupted); nothing of remote admin outlives Hearth. */
    void close() {
        if (!config.enabled()) return;
        worker.close();
        jobs.close();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Refuses what this caller may not do through this door; when remote admin is off, nobody learns it exists. */
    public void authorize(Caller caller, String door) {
        if (!config.enabled()) throw notEnabled();
        if (!caller.may(Role.ADMIN)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Remote administration needs the admin role; you have "
                            + caller.role().id(),
                    Map.of(
                            "required_role",
                            Role.ADMIN.id(),
                            "your_role",
                            caller.role().id()));
        }
        if (caller.method() == Caller.Method.FORWARD_AUTH) {
            HearthConfig.ForwardAuth fa = configService.current().security().forwardAuth();
            if (Role.find(fa.defaultRole()).orElse(Role.VIEWER) == Role.ADMIN) {
                throw new ApiException(
                        ErrorCode.FORBIDDEN,
                        "Remote administration through forward-auth needs membership of an admin group, and "
                                + "security.forward_auth.default_role is admin, so Hearth cannot tell members from everyone else: set it to viewer or operator",
                        Map.of("default_role", fa.defaultRole(), "admin_groups", fa.adminGroups()));
            }
        }
        boolean allowed = ALWAYS_DOORS.contains(door) || config.allowChat() && CHAT_DOORS.contains(door);
        if (!allowed) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    CHAT_DOORS.contains(door)
                            ? "Remote administration is not open to the " + door
                                    + " door: set remote_admin.allow_chat: true in hearth.yml to allow it"
                            : "Remote administration is not open to the " + door + " door",
                    Map.of("door", door));
        }
    }

    static ApiException notEnabled() {
        return new ApiException(ErrorCode.NOT_FOUND, "Not found", Map.of());
    }

    public CommandResult shell(Caller caller, String door, String command, Optional<Long> timeoutSeconds) {
        authorize(caller, door);
        Duration timeout = timeout(timeoutSeconds, config.timeout(), config.maxTimeout());
        List<String> argv = config.shell() ? List.of("/bin/sh", "-c", command) : CommandLine.split(command);
        Path ws = sandbox.prepareWorkspace();
        try {
            CommandResult r = RunningCommand.start(sandbox, argv, ws, Optional.empty(), Optional.empty())
                    .await(timeout);
            history.record(
                    "shell",
                    caller,
                    door,
                    command,
                    r.success(),
                    r.timedOut() ? "timed out after " + timeout.toSeconds() + " s" : "exit " + r.code(),
                    r.durationMs());
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    public PythonResult execute(Caller caller, String door, String code, Optional<Long> timeoutSeconds) {
        authorize(caller, door);
        if (code.isBlank()) throw ApiException.invalid("code", "is empty");
        Duration timeout = timeout(timeoutSeconds, config.timeout(), config.maxTimeout());
        PythonResult r = worker.execute(code, timeout);
        history.record(
                "python",
                caller,
                door,
                code,
                r.success(),
                r.timedOut()
                        ? "timed out: worker restarted"
                        : r.error().isEmpty() ? "ok" : firstLine(lastLine(r.error())),
                r.durationMs());
        return r;
    }

    public InstallResult install(Caller caller, String door, String requirement, Optional<Long> timeoutSeconds) {
        authorize(caller, door);
        if (!REQUIREMENT.matcher(requirement).matches()) {
            throw ApiException.invalid(
                    "package",
                    "must be a package name with an optional version, like requests or requests==2.31.0 "
                            + "(no options, paths or URLs: pip's options are set in remote_admin.pip_options)");
        }
        Duration timeout = timeout(timeoutSeconds, config.installTimeout(), config.installTimeout());
        worker.ensureVenv(Duration.ofSeconds(30));
        ensurePip(timeout);
        List<String> argv = new java.util.ArrayList<>(List.of(
                worker.venvPython().toString(),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--no-input",
                "--no-cache-dir"));
        argv.addAll(config.pipOptions());
        argv.add(requirement);
        try {
            CommandResult r = RunningCommand.start(
                            sandbox,
                            argv,
                            sandbox.prepareWorkspace(),
                            Optional.of(worker.venv().resolve("bin")),
                            Optional.empty())
                    .await(timeout);
            String error = r.timedOut() ? r.stderr() + "Timed out after " + timeout.toSeconds() + " s" : r.stderr();
            history.record(
                    "install",
                    caller,
                    door,
                    requirement,
                    r.success(),
                    r.timedOut() ? "timed out" : "exit " + r.code(),
                    r.durationMs());
            return new InstallResult(
                    requirement, r.success(), r.stdout(), error, r.code(), r.truncated(), r.timedOut(), r.durationMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    /** pip comes from the system's site packages (Debian's python3-pip); without it, the environment gets its own once. */
    private void ensurePip(Duration timeout) {
        try {
            Path ws = sandbox.prepareWorkspace();
            Optional<Path> bin = Optional.of(worker.venv().resolve("bin"));
            if (RunningCommand.start(
                            sandbox,
                            List.of(worker.venvPython().toString(), "-c", "import pip"),
                            ws,
                            bin,
                            Optional.empty())
                    .await(Duration.ofSeconds(30))
                    .success()) {
                return;
            }
            CommandResult r = RunningCommand.start(
                            sandbox,
                            List.of(worker.venvPython().toString(), "-m", "ensurepip", "--default-pip"),
                            ws,
                            bin,
                            Optional.empty())
                    .await(timeout);
            if (!r.success()) {
                throw Sandbox.unavailable(
                        "pip is not available for " + config.python()
                                + " (install python3-pip, or python3-venv for ensurepip): "
                                + r.stderr().strip(),
                        Map.of("python", config.python()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    public Map<String, PythonResult.Variable> variables(Caller caller, String door) {
        authorize(caller, door);
        return worker.variables(config.timeout());
    }

    public String deleteVariable(Caller caller, String door, String name) {
        authorize(caller, door);
        if (!VARIABLE.matcher(name).matches() || name.startsWith("_"))
            throw ApiException.invalid("name", "must be a Python variable name");
        if (!worker.delete(name, config.timeout())) {
            throw ApiException.notFound(
                    "Variable", name, worker.variables(config.timeout()).keySet());
        }
        history.record("variable_delete", caller, door, name, true, "deleted", 0);
        return name;
    }

    /** Stops the worker; the next call starts a new one with no variables. */
    public boolean restartWorker(Caller caller, String door) {
        authorize(caller, door);
        boolean was = worker.running();
        worker.stop();
        history.record("python_restart", caller, door, "", true, was ? "worker stopped" : "no worker was running", 0);
        return was;
    }

    public Listing list(Caller caller, String door, String path, int limit, int offset) {
        authorize(caller, door);
        if (limit < 1 || limit > 10_000) throw ApiException.invalid("limit", "must be between 1 and 10000");
        if (offset < 0) throw ApiException.invalid("offset", "must not be negative");
        return files.list(path, limit, offset);
    }

    public OpenedFile open(Caller caller, String door, String path) {
        authorize(caller, door);
        OpenedFile f = files.open(path);
        history.record("download", caller, door, f.path(), true, f.size() + " bytes", 0);
        return f;
    }

    /** Keeps an upload's body (a temporary file the door received) for the action that writes it; answers its token. */
    public String stageUpload(Caller caller, String door, Path received) {
        authorize(caller, door);
        Instant now = clock.instant();
        staged.entrySet().removeIf(e -> e.getValue().expires().isBefore(now));
        String token = "upl_" + HexFormat.of().formatHex(bytes(12));
        staged.put(token, new Staged(received, caller.id(), now.plus(Duration.ofMinutes(10))));
        return token;
    }

    public Uploaded upload(Caller caller, String door, String directory, String filename, String token) {
        authorize(caller, door);
        Staged s = staged.remove(token);
        if (s == null || !s.callerId().equals(caller.id()))
            throw ApiException.invalid("upload", "unknown or expired upload: send the file again");
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(s.file())) {
            Uploaded u =
                    files.upload(directory, filename, in, config.maxUpload().bytes());
            history.record(
                    "upload",
                    caller,
                    door,
                    u.path(),
                    true,
                    u.size() + " bytes",
                    (System.nanoTime() - start) / 1_000_000);
            return u;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Job startJob(
            Caller caller,
            String door,
            String kind,
            Optional<String> code,
            Optional<String> command,
            Optional<Long> timeoutSeconds) {
        authorize(caller, door);
        Duration timeout = timeout(timeoutSeconds, config.jobTimeout(), config.jobTimeout());
        Job job = switch (kind) {
            case "python" -> {
                String c = code.filter(x -> !x.isBlank())
                        .orElseThrow(() -> ApiException.invalid("code", "is required for a python job"));
                if (command.isPresent())
                    throw ApiException.invalid("command", "belongs to a shell job; a python job takes code");
                yield jobs.submit("python", new Jobs.Work.Python(c), c, timeout, caller.label());
            }
            case "shell" -> {
                String c = command.filter(x -> !x.isBlank())
                        .orElseThrow(() -> ApiException.invalid("command", "is required for a shell job"));
                if (code.isPresent())
                    throw ApiException.invalid("code", "belongs to a python job; a shell job takes command");
                List<String> argv = config.shell() ? List.of("/bin/sh", "-c", c) : CommandLine.split(c);
                yield jobs.submit("shell", new Jobs.Work.Command(argv), c, timeout, caller.label());
            }
            default -> throw ApiException.invalid("kind", "must be python or shell");
        };
        history.record("job", caller, door, job.kind() + ": " + job.input(), true, "job " + job.id() + " queued", 0);
        return job;
    }

    public Job job(Caller caller, String door, String id) {
        authorize(caller, door);
        return jobs.get(id)
                .orElseThrow(() ->
                        new ApiException(ErrorCode.NOT_FOUND, "Job '" + id + "' not found", Map.of("job_id", id)));
    }

    public List<Job> jobs(Caller caller, String door, int limit, int offset) {
        authorize(caller, door);
        return jobs.list(limit, offset);
    }

    public long jobCount() {
        return jobs.count();
    }

    public Job cancelJob(Caller caller, String door, String id) {
        authorize(caller, door);
        Job j = jobs.cancel(id);
        history.record("job_cancel", caller, door, id, true, j.status(), 0);
        return j;
    }

    public List<HistoryEntry> history(Caller caller, String door, int limit, int offset) {
        authorize(caller, door);
        return history.recent(limit, offset);
    }

    public long historyCount() {
        return history.count();
    }

    public AdminStatus status(Caller caller, String door) {
        authorize(caller, door);
        Sandbox.Identity id = sandbox.identity();
        List<String> roots = files.roots().stream().map(Path::toString).toList();
        int variables = worker.running() ? worker.variables(config.timeout()).size() : 0;
        return new AdminStatus(
                true,
                config.shell(),
                config.allowChat(),
                id.dropsPrivileges() ? config.runAs() : "(Hearth's own user)",
                id.dropsPrivileges(),
                sandbox.prepareWorkspace().toString(),
                roots,
                config.python(),
                new AdminStatus.Worker(
                        worker.running(),
                        worker.pid().orElse(null),
                        worker.startedAt().orElse(null),
                        variables),
                new AdminStatus.Jobs(jobs.active(), config.jobWorkers(), config.jobQueue()),
                new AdminStatus.Limits(
                        config.timeout().toSeconds(),
                        config.maxTimeout().toSeconds(),
                        config.installTimeout().toSeconds(),
                        config.jobTimeout().toSeconds(),
                        config.maxOutput().bytes(),
                        config.maxUpload().bytes(),
                        config.maxProcesses()));
    }

    RemoteAdminConfig config() {
        return config;
    }

    private static Duration timeout(Optional<Long> seconds, Duration fallback, Duration max) {
        if (seconds.isEmpty()) return fallback.compareTo(max) < 0 ? fallback : max;
        long s = seconds.get();
        if (s < 1 || s > max.toSeconds()) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    "timeout: must be between 1 and " + max.toSeconds() + " seconds",
                    Map.of("field", "timeout", "max_seconds", max.toSeconds()));
        }
        return Duration.ofSeconds(s);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String lastLine(String s) {
        String t = s.strip();
        int nl = t.lastIndexOf('\n');
        return nl < 0 ? t : t.substring(nl + 1);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
