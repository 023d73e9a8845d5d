package dev.hearth.monitoring.collectors;

import dev.hearth.monitoring.HostSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Byte counters per interface from {@code /proc/net/dev}; rates are the difference to the previous sample. */
public final class NetworkCollector {
    private record Counters(long rx, long tx, long atNanos) {}

    private final HostPaths paths;
    private Map<String, Counters> previous = Map.of();

    public NetworkCollector(HostPaths paths) {
        this.paths = paths;
    }

    public synchronized List<HostSnapshot.Interface> read(long nowNanos) {
        Map<String, Counters> now = new HashMap<>();
        List<HostSnapshot.Interface> out = new ArrayList<>();
        for (String line : HostPaths.lines(paths.proc().resolve("net/dev"))) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String name = line.substring(0, colon).trim();
            if (name.equals("lo")) continue;
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (f.length < 9) continue;
            Counters c = new Counters(Long.parseLong(f[0]), Long.parseLong(f[8]), nowNanos);
            now.put(name, c);
            Counters p = previous.get(name);
            double seconds = p == null ? 0 : (c.atNanos - p.atNanos) / 1e9;
            // a counter that went backwards was reset (interface re-created): no rate this round
            double rx = p != null && seconds > 0 && c.rx >= p.rx ? (c.rx - p.rx) / seconds : 0;
            double tx = p != null && seconds > 0 && c.tx >= p.tx ? (c.tx - p.tx) / seconds : 0;
            out.add(new HostSnapshot.Interface(name, c.rx, c.tx, rx, tx));
        }
        previous = now;
        return out;
    }
}
