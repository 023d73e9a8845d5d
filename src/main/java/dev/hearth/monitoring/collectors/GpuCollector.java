package dev.hearth.monitoring.collectors;

import dev.hearth.monitoring.HostSnapshot;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * NVIDIA GPUs through {@code nvidia-smi}'s CSV query, when the program is on the PATH; otherwise no GPUs
 * and no cost. A run that takes over two seconds is killed, so a wedged driver cannot stall sampling.
 */
public final class GpuCollector {
    private static final String QUERY =
            "--query-gpu=index,name,utilization.gpu,memory.total,memory.used,temperature.gpu";
    private final @Nullable Path program;

    public GpuCollector() {
        this(onPath("nvidia-smi"));
    }

    GpuCollector(@Nullable Path program) {
        this.program = program;
    }

    public List<HostSnapshot.Gpu> read() {
        if (program == null) return List.of();
        try {
            Process p = dev.hearth.services.ChildEnvironment.apply(
                            new ProcessBuilder(program.toString(), QUERY, "--format=csv,noheader,nounits"),
                            System.getenv(),
                            java.util.Map.of())
                    .redirectErrorStream(true)
                    .start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return parse(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static List<HostSnapshot.Gpu> parse(String csv) {
        List<HostSnapshot.Gpu> gpus = new ArrayList<>();
        for (String line : csv.split("\n")) {
            String[] f = line.split(",\\s*");
            if (f.length < 6) continue;
            try {
                gpus.add(new HostSnapshot.Gpu(
                        Integer.parseInt(f[0].trim()),
                        f[1].trim(),
                        number(f[2]),
                        (long) (number(f[3]) * 1024 * 1024),
                        (long) (number(f[4]) * 1024 * 1024),
                        f[5].trim().matches("[0-9.]+") ? Double.parseDouble(f[5].trim()) : null));
            } catch (NumberFormatException e) {
                // a line we do not understand (an error text) is skipped
            }
        }
        return gpus;
    }

    private static double number(String s) {
        String t = s.trim();
        return t.matches("[0-9.]+") ? Double.parseDouble(t) : 0;
    }

    private static @Nullable Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
