package dev.hearth.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.testing.TestConfig;
import dev.hearth.testing.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature itself, without the web: what runs, as whom, where, from which environment, and that nothing
 * outlives its time limit. These tests run as root, as Hearth does on many home servers, so the run_as path
 * (setpriv to nobody, RLIMIT_NPROC) is the one exercised.
 */
class RemoteAdminTest {
    static final Caller ADMIN = new Caller("key:1", "test-admin", Role.ADMIN, Caller.Method.API_KEY);

    @TempDir
    Path dataDir;

    Path base = Workspaces.reachable("hearth-admin-unit-");
    Path workspace = base.resolve("ws");
    final List<RemoteAdmin> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(RemoteAdmin::close);
        Waits.until(
                "no process left in the workspace",
                Duration.ofSeconds(10),
                () -> Workspaces.processesIn(workspace).isEmpty());
        Workspaces.delete(base);
    }

    RemoteAdmin admin(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "hearth.remote_admin.enabled",
                "true",
                "hearth.remote_admin.workspace",
                workspace.toString(),
                "hearth.remote_admin.timeout",
                "10s"));
        all.putAll(settings);
        ConfigService config = TestConfig.with(dataDir, all);
        RemoteAdmin admin = new RemoteAdmin(config, new Database(config), Clock.systemUTC(), new ObjectMapper());
        started.add(admin);
        return admin;
    }

    @Test
    void aCommandRunsAsRunAsInTheWorkspaceWithoutAShell() {
        RemoteAdmin admin = admin(Map.of());
        CommandResult id = admin.shell(ADMIN, "rest", "id -u", Optional.empty());
        assertEquals("65534", id.stdout().strip(), "commands run as nobody when Hearth is root");
        assertTrue(id.success());
        assertEquals(
                workspace.toString(),
                admin.shell(ADMIN, "rest", "pwd", Optional.empty()).stdout().strip());
        CommandResult literal = admin.shell(ADMIN, "rest", "echo '$HOME; id' \"a|b\"", Optional.empty());
        assertEquals("$HOME; id a|b", literal.stdout().strip(), "no shell: nothing is expanded or chained");
        ApiException refused = assertThrows(
                ApiException.class, () -> admin.shell(ADMIN, "rest", "echo hi | tr h j", Optional.empty()));
        assertTrue(refused.getMessage().contains("remote_admin.shell"), refused.getMessage());
        CommandResult failing = admin.shell(ADMIN, "rest", "ls /no/such/place", Optional.empty());
        assertFalse(failing.success());
        assertEquals(2, failing.code());
        assertTrue(failing.stderr().contains("No such file"), failing.stderr());
        CommandResult sudo = admin.shell(ADMIN, "rest", "cat /proc/self/status", Optional.empty());
        assertTrue(sudo.stdout().contains("NoNewPrivs:\t1"), "setuid programs cannot raise the user: " + sudo.stdout());
        assertTrue(
                sudo.stdout().lines().anyMatch(l -> l.startsWith("CapEff:") && l.endsWith("0000000000000000")),
                "no capabilities left");
    }

    @Test
    void withShellOnACommandGoesThroughShC() {
        RemoteAdmin admin = admin(Map.of("hearth.remote_admin.shell", "true"));
        assertEquals(
                "jello",
                admin.shell(ADMIN, "rest", "echo hello | tr h j", Optional.empty())
                        .stdout()
                        .strip());
    }

    @Test
    void theEnvironmentHoldsPathHomeLangAndTzOnlyNeverHearthsSecrets() throws Exception {
        RemoteAdmin admin = admin(Map.of());
        admin.shell(ADMIN, "rest", "true", Optional.empty()); // prepares the workspace
        Map<String, String> hearthEnvironment = Map.of(
                "HEARTH_ADMIN_API_KEY",
                "hth_fake_secret_for_the_test",
                "PG_PASSWORD",
                "fake-db-password",
                "LANG",
                "C.UTF-8",
                "TZ",
                "Europe/Berlin",
                "PATH",
                "/opt/hearth/secret-bin:/usr/bin");
        Sandbox sandbox = new Sandbox(admin.config(), hearthEnvironment);
        CommandResult env = RunningCommand.start(sandbox, List.of("env"), workspace, Optional.empty(), Optional.empty())
                .await(Duration.ofSeconds(10));
        Map<String, String> seen = new HashMap<>();
        env.stdout().lines().forEach(l -> seen.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertEquals(Set.of("PATH", "HOME", "LANG", "TZ"), seen.keySet());
        assertEquals(workspace.toString(), seen.get("HOME"));
        assertEquals("Europe/Berlin", seen.get("TZ"));
        assertFalse(
                env.stdout().contains("hth_fake_secret")
                        || env.stdout().contains("fake-db-password")
                        || env.stdout().contains("secret-bin"),
                env.stdout());
    }

    @Test
    void aForkBombIsKilledAtTheTimeLimitWithEverythingItStarted() {
        RemoteAdmin admin =
                admin(Map.of("hearth.remote_admin.shell", "true", "hearth.remote_admin.max_processes", "64"));
        long start = System.nanoTime();
        CommandResult r =
                admin.shell(ADMIN, "rest", "bomb() { while :; do bomb & done; }; bomb 2>/dev/null", Optional.of(3L));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        // dash gives up when fork fails at max_processes, or the bomb runs into its time limit: either way it fails
        assertFalse(r.success(), "the bomb does not succeed: " + r);
        assertTrue(tookMs < 10_000, "answered within its time limit plus the kill, took " + tookMs + " ms");
        assertEquals(List.of(), Workspaces.processesIn(workspace), "nothing of the bomb is left");
    }

    @Test
    void aCommandsBackgroundChildrenDoNotOutliveIt() {
        RemoteAdmin admin = admin(Map.of("hearth.remote_admin.shell", "true"));
        CommandResult r = admin.shell(ADMIN, "rest", "sleep 300 & sleep 301 & echo started", Optional.of(5L));
        assertEquals("started", r.stdout().strip());
        assertTrue(
                r.durationMs() < 5000,
                "the command's end is its answer, not its children's (" + r.durationMs() + " ms)");
        assertEquals(List.of(), Workspaces.processesIn(workspace), "its background children are killed with it");
        CommandResult timedOut =
                admin.shell(ADMIN, "rest", "sleep 303 & setsid sleep 305 & sleep 304", Optional.of(1L));
        assertTrue(timedOut.timedOut());
        assertEquals(-1, timedOut.code());
        assertEquals(
                List.of(),
                Workspaces.processesIn(workspace),
                "the group, and a child that moved to a session of its own, are killed");
    }

    @Test
    void fiftyMegabytesOfOutputAreCappedAtMaxOutput() {
        RemoteAdmin admin = admin(Map.of());
        CommandResult r = admin.shell(ADMIN, "rest", "head -c 52428800 /dev/zero", Optional.of(20L));
        assertTrue(r.success());
        assertTrue(r.truncated());
        assertEquals(1024 * 1024, r.stdout().length(), "1MB kept");
    }

    @Test
    void pythonKeepsItsVariablesAndShowsWhatIsNotJsonByItsType() {
        RemoteAdmin admin = admin(Map.of());
        PythonResult first = admin.execute(
                ADMIN,
                "rest",
                "import os\nx = 41 + 1\nf = lambda: 1\nprint('hello')\nos.write(1, b'fd\\n')\n"
                        + "os.system('echo child')",
                Optional.empty());
        assertTrue(first.success(), first.error());
        assertTrue(
                first.output().contains("hello\n")
                        && first.output().contains("fd\n")
                        && first.output().contains("child\n"),
                first.output());
        assertEquals(
                42,
                ((com.fasterxml.jackson.databind.JsonNode)
                                first.variables().get("x").value())
                        .asInt());
        assertEquals("function", first.variables().get("f").type());
        assertFalse(first.variables().get("f").representable());
        assertEquals("module", first.variables().get("os").type());
        PythonResult second = admin.execute(ADMIN, "rest", "x * 2", Optional.empty());
        assertEquals("84\n", second.output(), "the namespace lives on, and a last expression is shown");
        PythonResult error = admin.execute(ADMIN, "rest", "1 / 0", Optional.empty());
        assertFalse(error.success());
        assertTrue(error.error().contains("ZeroDivisionError"), error.error());
        assertEquals("x", admin.deleteVariable(ADMIN, "rest", "x"));
        assertFalse(admin.variables(ADMIN, "rest").containsKey("x"));
        assertEquals(
                ErrorCode.NOT_FOUND,
                assertThrows(ApiException.class, () -> admin.deleteVariable(ADMIN, "rest", "x"))
                        .code());
        PythonResult who =
                admin.execute(ADMIN, "rest", "os.getuid(), os.getcwd(), sorted(os.environ)", Optional.empty());
        assertEquals(
                "(65534, '" + workspace + "', ['HOME', 'LANG', 'PATH'])\n",
                who.output().replace(", 'TZ'", ""));
    }

    @Test
    void aRunawayLoopIsKilledAtTheTimeLimitAndTheWorkerStartsAfreshWithoutItsVariables() {
        RemoteAdmin admin = admin(Map.of());
        admin.execute(ADMIN, "rest", "kept = 'soon lost'", Optional.empty());
        assertTrue(admin.variables(ADMIN, "rest").containsKey("kept"));
        PythonResult loop = admin.execute(
                ADMIN,
                "rest",
                "import subprocess\nsubprocess.Popen(['sleep', '300'])\nwhile True:\n    pass",
                Optional.of(2L));
        assertTrue(loop.timedOut());
        assertTrue(loop.workerRestarted());
        assertTrue(loop.error().contains("variables are lost"), loop.error());
        assertEquals(List.of(), Workspaces.processesIn(workspace), "the worker and its child are gone");
        assertEquals(Map.of(), admin.variables(ADMIN, "rest"));
        PythonResult again = admin.execute(ADMIN, "rest", "'kept' in globals()", Optional.empty());
        assertEquals("False\n", again.output());
    }

    @Test
    void installPutsAPackageIntoTheWorkspacesEnvironmentWhereTheWorkerImportsIt() {
        Path wheels = Workspaces.reachable("hearth-wheels-");
        try {
            Workspaces.wheel(wheels);
            RemoteAdmin admin = admin(Map.of(
                    "hearth.remote_admin.pip_options", "[\"--no-index\", \"--find-links\", \"" + wheels + "\"]"));
            admin.execute(ADMIN, "rest", "before = 1", Optional.empty());
            InstallResult r = admin.install(ADMIN, "rest", "hearthdemo==1.0", Optional.of(120L));
            assertTrue(r.success(), r.output() + r.error());
            assertTrue(r.output().contains("Successfully installed hearthdemo-1.0"), r.output());
            assertEquals(
                    "42\n",
                    admin.execute(ADMIN, "rest", "import hearthdemo\nhearthdemo.ANSWER", Optional.empty())
                            .output());
            assertTrue(Files.isDirectory(workspace.resolve(".venv/lib")), "installed into the workspace's environment");
            for (String bad : List.of(
                    "--index-url=http://evil",
                    "-r requirements.txt",
                    "../pkg",
                    "pkg @ http://x/y.whl",
                    "/tmp/x.whl",
                    "a b")) {
                assertThrows(ApiException.class, () -> admin.install(ADMIN, "rest", bad, Optional.empty()), bad);
            }
        } finally {
            Workspaces.delete(wheels);
        }
    }

    @Test
    void onlyAdminsThroughAllowedDoorsAndNobodyWhenOff() {
        RemoteAdmin admin = admin(Map.of());
        Caller operator = new Caller("key:2", "op", Role.OPERATOR, Caller.Method.API_KEY);
        assertEquals(
                ErrorCode.FORBIDDEN,
                assertThrows(ApiException.class, () -> admin.authorize(operator, "rest"))
                        .code());
        for (String door : List.of("chat", "llm", "mcp", "telegram", "graphql")) {
            ApiException e =
                    assertThrows(ApiException.class, () -> admin.shell(ADMIN, door, "true", Optional.empty()), door);
            assertEquals(ErrorCode.FORBIDDEN, e.code(), door);
        }
        RemoteAdmin chatty = admin(Map.of("hearth.remote_admin.allow_chat", "true"));
        assertTrue(chatty.shell(ADMIN, "mcp", "true", Optional.empty()).success());
        assertEquals(
                ErrorCode.FORBIDDEN,
                assertThrows(ApiException.class, () -> chatty.authorize(ADMIN, "telegram"))
                        .code());

        Caller proxied = new Caller("proxy:ann", "ann", Role.ADMIN, Caller.Method.FORWARD_AUTH);
        admin.authorize(proxied, "rest"); // admin through the admin group
        RemoteAdmin anyoneIsAdmin = admin(Map.of("hearth.security.forward_auth.default_role", "admin"));
        ApiException e = assertThrows(ApiException.class, () -> anyoneIsAdmin.authorize(proxied, "rest"));
        assertTrue(e.getMessage().contains("default_role"), e.getMessage());

        RemoteAdmin off = admin(Map.of("hearth.remote_admin.enabled", "false"));
        assertEquals(
                ErrorCode.NOT_FOUND,
                assertThrows(ApiException.class, () -> off.shell(ADMIN, "rest", "true", Optional.empty()))
                        .code());
        assertEquals(List.of(), new AdminActions(off).actions(), "no actions in the catalog while off");
    }
}
