package dev.hearth.admin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Processes by session, read from /proc. Every command starts as the leader of a session and process group
 * of its own ({@code setsid}), so "everything it started" is the processes whose session or group is its pid,
 * plus the descendants that moved to a new session (found by walking parents before the kill).
 */
final class ProcessTree {
    private static final Path PROC = Path.of("/proc");

    /** One line of /proc/{pid}/stat, the fields we use. */
    record Stat(long pid, char state, long parent, long group, long session, long startTicks) {
        boolean alive() {
            return state != 'Z' && state != 'X';
        }
    }

    private ProcessTree() {}

    static Optional<Stat> stat(long pid) {
        try {
            return Optional.of(
                    parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** "pid (comm) state ppid pgrp session ... starttime(22)"; comm may hold spaces and parentheses. */
    static Stat parse(String line) {
        int close = line.lastIndexOf(')');
        String[] f = line.substring(close + 2).trim().split(" ");
        return new Stat(
                Long.parseLong(line.substring(0, line.indexOf(' '))),
                f[0].charAt(0),
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                Long.parseLong(f[19]));
    }

    static List<Stat> all() {
        List<Stat> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(
                PROC, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path dir : dirs)
                stat(Long.parseLong(dir.getFileName().toString())).ifPresent(out::add);
        } catch (IOException e) {
            // /proc unreadable: nothing to report
        }
        return out;
    }

    /** Living processes in the session or process group led by {@code leader}, the leader included. */
    static List<Stat> ofSession(long leader) {
        return all().stream()
                .filter(s -> s.alive() && (s.session() == leader || s.group() == leader))
                .toList();
    }

    /** Living descendants of {@code pid}, by walking parents: those that left the session are found too. */
    static List<Long> descendants(long pid) {
        java.util.Map<Long, List<Long>> children = new java.util.HashMap<>();
        for (Stat s : all()) {
            if (s.alive())
                children.computeIfAbsent(s.parent(), k -> new ArrayList<>()).add(s.pid());
        }
        java.util.Set<Long> found = new java.util.LinkedHashSet<>();
        java.util.Deque<Long> todo = new java.util.ArrayDeque<>(List.of(pid));
        while (!todo.isEmpty()) {
            for (long child : children.getOrDefault(todo.pop(), List.of())) {
                if (found.add(child)) todo.push(child);
            }
        }
        return List.copyOf(found);
    }
}
