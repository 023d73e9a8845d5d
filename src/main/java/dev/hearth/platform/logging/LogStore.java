package dev.hearth.platform.logging;

import dev.hearth.platform.config.ConfigService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The last lines of Hearth's own log, in memory, for {@code GET /api/v1/logs}: at most
 * {@code logs.buffer_size} lines and {@code logs.buffer_bytes} of text, whichever comes first, each line
 * cut to {@link #MAX_MESSAGE} characters with its control characters escaped. So one huge or forged
 * message can neither fill the heap nor pass for two lines; the console and files remain the long-term record.
 */
@Singleton
public class LogStore extends Handler {

    public record Entry(Instant timestamp, String level, String logger, String message) {
        /** What the entry holds on the heap, roughly: two bytes a character and a fixed overhead. */
        long cost() {
            return 2L * (message.length() + logger.length()) + 96;
        }
    }

    /** Characters of one message kept; a stack trace's first line fits, a 9 MB user name does not. */
    public static final int MAX_MESSAGE = 4096;

    private final ConfigService config;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long bytes;

    public LogStore(ConfigService config) {
        this.config = config;
    }

    void install(@Observes StartupEvent ignored) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof LogStore) root.removeHandler(h);
        }
        setLevel(Level.INFO);
        root.addHandler(this);
        config.onChange(c -> applyLevel(c.logs().level()));
    }

    /** The root logger outlives the application (tests start several in one JVM): leave it as found. */
    @PreDestroy
    void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    /** Makes a run-time change of {@code logs.level} take effect at once. */
    static void applyLevel(String level) {
        Level jul = switch (level) {
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "WARN" -> Level.WARNING;
            case "ERROR" -> Level.SEVERE;
            default -> Level.INFO;
        };
        Logger.getLogger("").setLevel(jul);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) return;
        String message = record.getMessage();
        if (record.getParameters() != null && record.getParameters().length > 0 && message != null) {
            try {
                message = message.contains("%")
                        ? String.format(message, record.getParameters())
                        : java.text.MessageFormat.format(message, record.getParameters());
            } catch (IllegalArgumentException e) {
                // keep the raw message: a bad format must not lose the line
            }
        }
        if (record.getThrown() != null) {
            message = message + " (" + record.getThrown().getClass().getSimpleName() + ": "
                    + record.getThrown().getMessage() + ")";
        }
        Entry e = new Entry(
                record.getInstant(),
                levelName(record.getLevel()),
                record.getLoggerName() == null ? "" : LogValues.escape(record.getLoggerName(), 256),
                message == null ? "" : LogValues.escape(message, MAX_MESSAGE));
        int maxLines = config.current().logs().bufferSize();
        long maxBytes = config.current().logs().bufferBytes().bytes();
        synchronized (entries) {
            entries.addLast(e);
            bytes += e.cost();
            while (entries.size() > maxLines || bytes > maxBytes && entries.size() > 1)
                bytes -= entries.removeFirst().cost();
        }
    }

    static String levelName(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) return "error";
        if (v >= Level.WARNING.intValue()) return "warn";
        if (v >= Level.INFO.intValue()) return "info";
        return "debug";
    }

    /** Newest first; {@code minLevel} is debug, info, warn or error. */
    public List<Entry> query(String minLevel, int limit, Instant since) {
        return page(minLevel, limit, 0, since).entries();
    }

    /** The {@code limit} entries after the newest {@code offset}, and how many the buffer holds that match. */
    public record Page(List<Entry> entries, long total) {}

    /** Newest first, skipping {@code offset} matching entries; the total counts every match still in the buffer. */
    public Page page(String minLevel, int limit, int offset, Instant since) {
        int min = rank(minLevel);
        List<Entry> out = new ArrayList<>();
        long matched = 0;
        synchronized (entries) {
            var it = entries.descendingIterator();
            while (it.hasNext()) {
                Entry e = it.next();
                if (e.timestamp().isBefore(since)) break;
                if (rank(e.level()) < min) continue;
                if (matched >= offset && out.size() < limit) out.add(e);
                matched++;
            }
        }
        return new Page(out, matched);
    }

    public static boolean isLevel(String level) {
        return List.of("debug", "info", "warn", "warning", "error").contains(level.toLowerCase(Locale.ROOT));
    }

    private static int rank(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "error" -> 3;
            case "warn", "warning" -> 2;
            case "info" -> 1;
            default -> 0;
        };
    }

    /** How many kept lines there are of each level. */
    public record Counts(long total, long error, long warn, long info, long debug) {}

    public Counts counts() {
        long error = 0, warn = 0, info = 0, debug = 0;
        synchronized (entries) {
            for (Entry e : entries) {
                switch (rank(e.level())) {
                    case 3 -> error++;
                    case 2 -> warn++;
                    case 1 -> info++;
                    default -> debug++;
                }
            }
        }
        return new Counts(error + warn + info + debug, error, warn, info, debug);
    }

    /** What the kept lines hold, roughly, in bytes. */
    public long bytes() {
        synchronized (entries) {
            return bytes;
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
