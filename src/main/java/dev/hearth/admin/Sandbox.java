package dev.hearth.admin;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * How every remote-admin process starts and ends. Starts: in the workspace, from an environment of PATH,
 * HOME, LANG and TZ only, as the leader of a new session and process group ({@code setsid}), with at most
 * {@code max_processes} processes and no core files ({@code prlimit}), and — when Hearth is root — as
 * {@code run_as} with no supplementary groups and {@code no_new_privs} ({@code setpriv}), so setuid programs
 * cannot climb back. Ends: SIGKILL to the whole group, then to whatever is left of the session and of the
 * descendants seen before the kill, until /proc shows none.
 */
public final class Sandbox {
    /** The only variables a child gets; the values of LANG and TZ come from Hearth's own environment. */
    static final List<String> PASSED = List.of("LANG", "TZ");

    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final List<String> TOOL_DIRS = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin");

    /** Who commands run as: Hearth's own user, or {@code run_as} when Hearth is root. */
    record Identity(
            boolean dropsPrivileges, int uid, int gid, String setsid, String prlimit, String setpriv, String nice) {}

    /** Commands run below Hearth's CPU priority, so a busy one (or a fork bomb) cannot starve the control plane. */
    static final int NICENESS = 10;

    private final RemoteAdminConfig config;
    private final Map<String, String> hearthEnvironment;
    /** Resolved at the first command (it looks up run_as and the tools), not at construction. */
    private volatile @Nullable Identity identity;

    public Sandbox(RemoteAdminConfig config, Map<String, String> hearthEnvironment) {
        this.config = config;
        this.hearthEnvironment = Map.copyOf(hearthEnvironment);
    }

    RemoteAdminConfig config() {
        return config;
    }

    Path workspace() {
        return Path.of(config.workspace());
    }

    /** The environment of every child: nothing of Hearth's but LANG and TZ. */
    Map<String, String> environment(Optional<Path> firstOnPath) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", firstOnPath.map(p -> p + ":" + PATH).orElse(PATH));
        env.put("HOME", workspace().toString());
        for (String name : PASSED) {
            String value = hearthEnvironment.get(name);
            if (value != null && !value.isBlank()) env.put(name, value);
        }
        env.putIfAbsent("LANG", "C.UTF-8");
        return env;
    }

    Identity identity() {
        Identity id = identity;
        if (id == null) {
            synchronized (this) {
                id = identity;
                if (id == null) identity = id = resolve();
            }
        }
        return id;
    }

    private Identity resolve() {
        String setsid = tool("setsid");
        String prlimit = tool("prlimit");
        String setpriv = tool("setpriv");
        String nice = tool("nice");
        boolean root = hearthUid() == 0;
        if (!root) return new Identity(false, hearthUid(), -1, setsid, prlimit, setpriv, nice);
        if (config.runAs().isBlank()) {
            throw unavailable(
                    "Hearth runs as root and remote_admin.run_as is empty: name an unprivileged user (e.g. nobody) in hearth.yml",
                    Map.of());
        }
        int uid = idOf("-u");
        int gid = idOf("-g");
        if (uid == 0)
            throw unavailable(
                    "remote_admin.run_as '" + config.runAs() + "' is root: name an unprivileged user", Map.of());
        return new Identity(true, uid, gid, setsid, prlimit, setpriv, nice);
    }

    private int idOf(String flag) {
        try {
            Process p = plain(new ProcessBuilder(tool("id"), flag, config.runAs()))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("\\d+")) {
                throw unavailable(
                        "remote_admin.run_as: no user '" + config.runAs() + "' on this machine (" + out + ")",
                        Map.of("run_as", config.runAs()));
            }
            return Integer.parseInt(out);
        } catch (IOException e) {
            throw unavailable("cannot look up remote_admin.run_as: " + e.getMessage(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", Map.of());
        }
    }

    /** A helper Hearth runs for itself (id, kill): with PATH alone, like every other child. */
    private static ProcessBuilder plain(ProcessBuilder pb) {
        pb.environment().clear();
        pb.environment().put("PATH", PATH);
        return pb;
    }

    static int hearthUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    private static String tool(String name) {
        for (String dir : TOOL_DIRS) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        throw unavailable(
                "remote administration needs '" + name + "' (util-linux), which is not installed",
                Map.of("missing", name));
    }

    /** Creates the workspace when missing and gives it to {@code run_as}; answers its real path. */
    Path prepareWorkspace() {
        Path ws = workspace();
        try {
            if (Files.notExists(ws, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(ws);
                Identity id = identity();
                if (id.dropsPrivileges()) {
                    Files.setAttribute(ws, "unix:uid", id.uid(), LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(ws, "unix:gid", id.gid(), LinkOption.NOFOLLOW_LINKS);
                }
            }
            if (!Files.isDirectory(ws))
                throw unavailable(
                        "remote_admin.workspace '" + ws + "' is not a directory", Map.of("workspace", ws.toString()));
            return ws.toRealPath();
        } catch (IOException e) {
            throw unavailable(
                    "remote_admin.workspace '" + ws + "' cannot be created: " + e.getMessage(),
                    Map.of("workspace", ws.toString()));
        }
    }

    /** The full argument vector for {@code command}: setsid, limits, the user switch, then the command itself. */
    List<String> wrap(List<String> command) {
        Identity id = identity();
        List<String> argv = new ArrayList<>(List.of(id.setsid(), id.prlimit(), "--core=0"));
        if (id.dropsPrivileges()) {
            // NPROC counts every process of the user; for Hearth's own user it would count Hearth's threads too
            argv.add("--nproc=" + config.maxProcesses());
        }
        argv.addAll(List.of("--", id.nice(), "-n", Integer.toString(NICENESS)));
        if (id.dropsPrivileges()) {
            argv.addAll(List.of(
                    id.setpriv(),
                    "--reuid=" + id.uid(),
                    "--regid=" + id.gid(),
                    "--clear-groups",
                    "--no-new-privs",
                    "--"));
        }
        argv.addAll(command);
        return argv;
    }

    /** Starts {@code command} sandboxed in {@code dir}; stdin is empty unless {@code stdin} asks for a pipe. */
    Process start(List<String> command, Path dir, Optional<Path> firstOnPath, boolean stdin) {
        ProcessBuilder pb = new ProcessBuilder(wrap(command)).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(environment(firstOnPath));
        if (!stdin) pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Process p = pb.start();
            lowerAutogroup(p.pid());
            return p;
        } catch (IOException e) {
            throw unavailable("the command could not be started: " + e.getMessage(), Map.of());
        }
    }

    /**
     * With the kernel's autogroup scheduling (a group per session), niceness only counts inside the group;
     * the new session's group itself is lowered too. Best effort: where there is no autogroup, nice suffices.
     */
    private static void lowerAutogroup(long pid) {
        try {
            // only once setsid has made the new session: before, the autogroup is still Hearth's own
            for (int i = 0;
                    i < 100
                            && ProcessTree.stat(pid)
                                    .filter(s -> s.session() == pid)
                                    .isEmpty();
                    i++) Thread.sleep(2);
            if (ProcessTree.stat(pid).filter(s -> s.session() == pid).isEmpty()) return;
            Files.writeString(Path.of("/proc", Long.toString(pid), "autogroup"), Integer.toString(NICENESS));
        } catch (IOException | RuntimeException e) {
            // no autogroup here, or the process is already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills everything {@code leader} started: its process group at once (the kernel signals a group as one),
     * then stragglers that moved to another group of the session, and descendants that left the session.
     */
    static void killSession(long leader) {
        List<Long> descendants = ProcessTree.descendants(leader);
        signalGroup(leader);
        for (int round = 0; round < 100; round++) {
            List<Long> left = new ArrayList<>();
            ProcessTree.ofSession(leader).forEach(s -> left.add(s.pid()));
            for (long pid : descendants) {
                if (ProcessTree.stat(pid).filter(ProcessTree.Stat::alive).isPresent()) left.add(pid);
            }
            if (left.isEmpty()) return;
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void signalGroup(long leader) {
        try {
            Process kill = plain(new ProcessBuilder(tool("kill"), "-KILL", "--", "-" + leader))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | ApiException e) {
            ProcessHandle.of(leader).ifPresent(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ApiException unavailable(String message, Map<String, Object> details) {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, message, details);
    }
}
