package dev.hearth.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/test's package check ({@code bin/lib/packages.sh}) against stand-ins for dpkg-query, id, sudo and apt-get on
 * PATH: nothing to do when all is installed; as root, or with sudo that asks no password, it installs what is missing;
 * otherwise it stops at once naming the one line to run. And .ci/run is the README's test command, nothing else.
 */
class TestPackagesTest {
    @TempDir
    Path dir;

    Path bin;
    Path installed;
    Path calls;
    Path list;

    record Run(int status, String out, String err) {}

    @BeforeEach
    void fakes() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        installed = dir.resolve("installed");
        calls = dir.resolve("calls");
        list = dir.resolve("test-packages");
        Files.writeString(list, "# the tests' packages\nalpha\nbravo   # with a comment\n\ncharlie\ndelta\n");
        Files.writeString(calls, "");
        // dpkg-query -W -f='${Package}\t${Status}\n' NAME...: known names in its own (sorted) order, unknown ones on
        // stderr with status 1
        script("dpkg-query", """
                status=0
                shift 2   # -W and -f=...
                for p in $(printf '%s\\n' "$@" | sort); do
                  if grep -qxF "$p" "$FAKE/installed" 2>/dev/null; then printf '%s\\tinstall ok installed\\n' "$p"
                  elif [ "$p" = delta ]; then printf '%s\\tdeinstall ok config-files\\n' "$p"
                  else echo "dpkg-query: no packages found matching $p" >&2; status=1; fi
                done
                exit $status""");
        script("id", "echo \"${FAKE_UID:-1000}\"");
        script("sudo", """
                echo "sudo $*" >> "$FAKE/calls"
                [ "$FAKE_SUDO" = yes ] || { echo 'sudo: a password is required' >&2; exit 1; }
                shift   # -n
                exec "$@\"""");
        script("apt-get", """
                echo "apt-get $* (DEBIAN_FRONTEND=$DEBIAN_FRONTEND)" >> "$FAKE/calls"
                [ -z "$FAKE_APT_FAILS" ] || { echo 'E: Unable to locate package' >&2; exit 100; }
                if [ "$1" = install ]; then for p in "$@"; do case "$p" in -*|install) ;; *) echo "$p" >> "$FAKE/installed";; esac; done; fi""");
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run check(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                "bash",
                "-c",
                "set -euo pipefail; . bin/lib/packages.sh; require_test_packages \"$1\"; echo ready",
                "check",
                list.toString());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("FAKE", dir.toString());
        pb.environment().remove("DEBIAN_FRONTEND");
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the check ends by itself");
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(calls);
    }

    @Test
    void withEverythingInstalledItSaysNothingAndInstallsNothing() throws Exception {
        Files.writeString(installed, "alpha\nbravo\ncharlie\ndelta\n");
        Run r = check(Map.of());
        assertEquals(0, r.status(), r.err());
        assertEquals("ready\n", r.out());
        assertEquals("", r.err());
        assertEquals(List.of(), calls());
    }

    @Test
    void withoutRootOrAPasswordlessSudoItStopsNamingTheOneLineToRun() throws Exception {
        Files.writeString(installed, "alpha\ncharlie\n");
        Run r = check(Map.of("FAKE_UID", "1000", "FAKE_SUDO", "no"));
        assertEquals(1, r.status());
        assertFalse(r.out().contains("ready"), "bin/test stops before anything else");
        // bravo is not installed, delta only left its config files: both are missing, in the list's order
        assertTrue(
                r.err()
                        .lines()
                        .anyMatch(
                                l -> l.equals(
                                        "  sudo apt-get update && sudo apt-get install -y --no-install-recommends bravo delta")),
                r.err());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("apt-get")), "nothing is installed: " + calls());
    }

    @Test
    void asRootItInstallsWhatIsMissingAndGoesOn() throws Exception {
        Files.writeString(installed, "alpha\ncharlie\n");
        Run r = check(Map.of("FAKE_UID", "0"));
        assertEquals(0, r.status(), r.err());
        assertEquals("ready\n", r.out());
        assertTrue(r.err().contains("installing the Debian packages the tests need: bravo delta"), r.err());
        assertEquals(
                List.of(
                        "apt-get update -qq (DEBIAN_FRONTEND=noninteractive)",
                        "apt-get install -y -qq --no-install-recommends bravo delta (DEBIAN_FRONTEND=noninteractive)"),
                calls());
    }

    @Test
    void withSudoThatAsksNoPasswordItInstallsThroughSudo() throws Exception {
        Files.writeString(installed, "alpha\nbravo\ncharlie\n");
        Run r = check(Map.of("FAKE_UID", "1000", "FAKE_SUDO", "yes"));
        assertEquals(0, r.status(), r.err());
        assertEquals("ready\n", r.out());
        assertEquals(
                List.of(
                        "sudo -n true",
                        "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq",
                        "apt-get update -qq (DEBIAN_FRONTEND=noninteractive)",
                        "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends delta",
                        "apt-get install -y -qq --no-install-recommends delta (DEBIAN_FRONTEND=noninteractive)"),
                calls());
    }

    @Test
    void whenAptGetFailsItStopsWithItsErrorAndTheLine() throws Exception {
        Files.writeString(installed, "alpha\nbravo\ncharlie\n");
        Run r = check(Map.of("FAKE_UID", "0", "FAKE_APT_FAILS", "yes"));
        assertEquals(1, r.status());
        assertFalse(r.out().contains("ready"));
        assertTrue(r.err().contains("E: Unable to locate package"), "apt-get's own error is shown: " + r.err());
        assertTrue(r.err().contains("sudo apt-get install -y --no-install-recommends delta"), r.err());
    }

    @Test
    void ciRunsTheReadmesTestCommandAndHoldsNoListOfItsOwn() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(".ci/run")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertEquals("exec bin/test \"$@\"", lines.getLast(), ".ci/run ends by running bin/test");
        for (String p : List.of("postgresql", "qbittorrent-nox", "chromium")) {
            assertTrue(
                    lines.stream().noneMatch(l -> l.contains(p)),
                    ".ci/run names no package: the list is bin/lib/test-packages");
        }
        String command = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("bin/test "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the README's set-up shows bin/test"));
        assertFalse(command.contains(".ci/run"), "the README's test command needs nothing run before it: " + command);
    }
}
