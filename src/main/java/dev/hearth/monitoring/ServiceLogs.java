package dev.hearth.monitoring;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.ServiceEntry;
import dev.hearth.services.ServicesConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service's log lines in the shape of Hearth's own ({@code timestamp}, {@code level}, {@code message}),
 * read from whichever {@link ServiceLogSource} runs the service. Programs write free text, so the level
 * is read off the line: the first level word in it, else info.
 */
@Singleton
public class ServiceLogs {
    public record Entry(Instant timestamp, String level, String stream, String message) {}

    private static final Pattern LEVEL = Pattern.compile(
            "\\b(FATAL|PANIC|CRIT(?:ICAL)?|ERR(?:OR)?|WARN(?:ING)?|INFO|DEBUG|TRACE)\\b", Pattern.CASE_INSENSITIVE);

    private final Instance<ServiceLogSource> sources;
    private final ConfigService config;

    public ServiceLogs(Instance<ServiceLogSource> sources, ConfigService config) {
        this.sources = sources;
        this.config = config;
    }

    /** Newest first, at least {@code minLevel}; 404 when the service is unknown or nothing can read its log. */
    public List<Entry> query(String service, String minLevel, int limit, Instant since) {
        return page(service, minLevel, limit, 0, since).entries();
    }

    /**
     * A page of a service's log. A runtime's log has no end Hearth could count cheaply, so {@code total} counts the
     * matching lines among the newest ones read (ten per line asked, at most {@value #MAX_READ}), and {@code
     * hasMore} also says so when that window was full.
     */
    public record Page(List<Entry> entries, long total, boolean hasMore) {}

    static final int MAX_READ = 10_000;

    /** Newest first, skipping {@code offset} matching lines; 404 when the service is unknown or nothing reads its log. */
    public Page page(String service, String minLevel, int limit, int offset, Instant since) {
        List<String> known = config.current().section(ServicesConfig.class).services().stream()
                .map(ServiceEntry::name)
                .toList();
        if (!known.contains(service)) throw ApiException.notFound("Service", service, known);
        int min = rank(minLevel);
        for (ServiceLogSource source : sources) {
            // read generously: level filtering happens after, and the answer keeps the newest `limit`
            int window = (int) Math.min(MAX_READ, ((long) offset + limit) * 10);
            Optional<List<ServiceLogSource.Line>> lines = source.lines(service, window, since);
            if (lines.isEmpty()) continue;
            List<Entry> out = new ArrayList<>();
            List<ServiceLogSource.Line> all = lines.get();
            long matched = 0;
            for (int i = all.size() - 1; i >= 0; i--) {
                ServiceLogSource.Line l = all.get(i);
                String level = levelOf(l.text());
                if (rank(level) < min || l.timestamp().isBefore(since)) continue;
                if (matched >= offset && out.size() < limit)
                    out.add(new Entry(l.timestamp(), level, l.stream(), l.text()));
                matched++;
            }
            boolean windowFull = all.size() >= window;
            return new Page(out, matched, windowFull || offset + out.size() < matched);
        }
        throw new ApiException(
                ErrorCode.NOT_FOUND,
                "No log is readable for service '" + service + "': it has no docker or process runtime",
                Map.of("service", service));
    }

    static String levelOf(String text) {
        var m = LEVEL.matcher(text.length() > 200 ? text.substring(0, 200) : text);
        if (!m.find()) return "info";
        String w = m.group(1).toUpperCase(Locale.ROOT);
        if (w.startsWith("ERR") || w.equals("FATAL") || w.equals("PANIC") || w.startsWith("CRIT")) return "error";
        if (w.startsWith("WARN")) return "warn";
        if (w.equals("DEBUG") || w.equals("TRACE")) return "debug";
        return "info";
    }

    private static int rank(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "error" -> 3;
            case "warn", "warning" -> 2;
            case "info" -> 1;
            default -> 0;
        };
    }
}
