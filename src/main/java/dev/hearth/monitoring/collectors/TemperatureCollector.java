package dev.hearth.monitoring.collectors;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The hottest CPU sensor: hwmon chips known to measure the CPU first, then thermal zones. The sensor
 * files are found once (they do not move while running) and read each sample; none found means null.
 */
public final class TemperatureCollector {
    private static final Set<String> CPU_CHIPS =
            Set.of("coretemp", "k10temp", "zenpower", "cpu_thermal", "soc_thermal", "acpitz");

    private final List<Path> sensors;

    public TemperatureCollector(HostPaths paths) {
        this.sensors = find(paths.sys());
    }

    public boolean hasSensor() {
        return !sensors.isEmpty();
    }

    public @Nullable Double read() {
        double max = Double.NaN;
        for (Path p : sensors) {
            List<String> l = HostPaths.lines(p);
            if (l.isEmpty()) continue;
            try {
                double c = Long.parseLong(l.getFirst().trim()) / 1000.0;
                if (c > -40 && c < 150 && !(c <= max)) max = c;
            } catch (NumberFormatException ignored) {
                // a sensor that answers garbage is skipped this round
            }
        }
        return Double.isNaN(max) ? null : Math.round(max * 10) / 10.0;
    }

    private static List<Path> find(Path sys) {
        List<Path> found = new ArrayList<>();
        for (Path chip : list(sys.resolve("class/hwmon"), "*")) {
            String name = first(chip.resolve("name"));
            if (name != null && CPU_CHIPS.contains(name)) found.addAll(list(chip, "temp*_input"));
        }
        if (!found.isEmpty()) return found;
        for (Path zone : list(sys.resolve("class/thermal"), "thermal_zone*")) {
            String type = first(zone.resolve("type"));
            if (type != null
                    && (type.contains("cpu")
                            || type.contains("x86_pkg")
                            || type.contains("soc")
                            || type.equals("acpitz"))) {
                found.add(zone.resolve("temp"));
            }
        }
        return found;
    }

    private static @Nullable String first(Path file) {
        List<String> l = HostPaths.lines(file);
        return l.isEmpty() ? null : l.getFirst().trim();
    }

    private static List<Path> list(Path dir, String glob) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
            s.forEach(out::add);
        } catch (IOException e) {
            // unreadable sysfs: no sensors
        }
        out.sort(null);
        return out;
    }
}
