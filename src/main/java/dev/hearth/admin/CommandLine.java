package dev.hearth.admin;

import dev.hearth.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into an argument vector when no shell is allowed. The rules are few and written
 * down (docs/configuration.md): blanks separate words, {@code '…'} is literal, {@code "…"} is literal but for
 * {@code \"} and {@code \\}, and {@code \} outside quotes makes the next character literal. Nothing is
 * expanded; unquoted shell syntax is refused rather than passed on as text, so {@code ls | grep x} fails
 * with a reason instead of running {@code ls} with three odd arguments.
 */
final class CommandLine {
    private static final String SHELL_SYNTAX = "|&;<>()$`*?\n";

    private CommandLine() {}

    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = command.length();
        while (i < n) {
            char c = command.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) throw invalid("a single quote is not closed");
                word.append(command, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = command.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && (command.charAt(i + 1) == '"' || command.charAt(i + 1) == '\\')) {
                        word.append(command.charAt(i + 1));
                        i += 2;
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                if (!closed) throw invalid("a double quote is not closed");
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) throw invalid("a backslash ends the command");
                word.append(command.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (SHELL_SYNTAX.indexOf(c) >= 0 || c == '~' && !inWord) {
                throw new ApiException(
                        dev.hearth.platform.web.ErrorCode.INVALID_INPUT,
                        "command: '" + (c == '\n' ? "\\n" : String.valueOf(c))
                                + "' is shell syntax, and commands run without a shell here: "
                                + "quote it to pass it as text, send 'argv' as a list, or set remote_admin.shell: true in hearth.yml",
                        java.util.Map.of("field", "command", "character", String.valueOf(c), "position", i));
            } else if (c < 0x20 || c == 0x7f) {
                throw invalid("control characters are not allowed");
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.add(word.toString());
        if (words.isEmpty()) throw invalid("is empty");
        return List.copyOf(words);
    }

    private static ApiException invalid(String problem) {
        return ApiException.invalid("command", problem);
    }
}
