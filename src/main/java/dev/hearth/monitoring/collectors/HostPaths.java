package dev.hearth.monitoring.collectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where /proc and /sys are; tests point them at a directory of fixture files. */
public record HostPaths(Path proc, Path sys) {
    public static HostPaths real() {
        return new HostPaths(Path.of("/proc"), Path.of("/sys"));
    }

    /** The file's lines, or none when it does not exist here (another kernel, a container without it). */
    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
