package dev.hearth.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.web.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void blanksSeparateWordsAndQuotesKeepTextTogether() {
        assertEquals(List.of("ls", "-la", "/srv"), CommandLine.split("  ls\t-la   /srv "));
        assertEquals(List.of("echo", "a b", "c'd", ""), CommandLine.split("echo 'a b' \"c'd\" ''"));
        assertEquals(List.of("echo", "say \"hi\" \\o/"), CommandLine.split("echo \"say \\\"hi\\\" \\\\o/\""));
        assertEquals(List.of("echo", "a b"), CommandLine.split("echo a\\ b"));
        assertEquals(List.of("echo", "$HOME; rm -rf / | x"), CommandLine.split("echo '$HOME; rm -rf / | x'"));
        assertEquals(List.of("find", ".", "-name", "*.py"), CommandLine.split("find . -name '*.py'"));
        assertEquals(List.of("echo", "a~b"), CommandLine.split("echo a~b"));
    }

    @Test
    void unquotedShellSyntaxIsRefusedWithTheReason() {
        for (String command : List.of(
                "ls | grep x",
                "a && b",
                "a; b",
                "cat < /etc/passwd",
                "echo > f",
                "echo $HOME",
                "echo `id`",
                "echo $(id)",
                "ls *.txt",
                "ls ?",
                "ls ~",
                "a &",
                "echo a\nb")) {
            ApiException e = assertThrows(ApiException.class, () -> CommandLine.split(command), command);
            assertTrue(
                    e.getMessage().contains("shell") || e.getMessage().contains("control"),
                    command + ": " + e.getMessage());
        }
    }

    @Test
    void brokenQuotingAndEmptyCommandsAreRefused() {
        for (String command : List.of("echo 'open", "echo \"open", "echo \\", "", "   ", "echo \u0001")) {
            assertThrows(ApiException.class, () -> CommandLine.split(command), command);
        }
    }
}
