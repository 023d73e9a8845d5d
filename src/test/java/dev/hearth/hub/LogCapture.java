package dev.hearth.hub;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record of the JVM while open, at every level (Hearth's and the JDK's HTTP client's loggers opened to
 * ALL), each rendered whole: the formatted message and the full stack trace of its exception with every cause. A
 * test then asserts that no secret appears in any of them.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private static final List<String> OPENED = List.of("dev.hearth", "jdk.internal.httpclient", "java.net.http");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Level> previous = new ArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
        for (String name : OPENED) {
            Logger logger = Logger.getLogger(name);
            previous.add(logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        Logger.getLogger("").addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Fails naming the line when any captured line holds any of {@code secrets}; also fails when nothing was logged at all. */
    public void assertNoneContains(String... secrets) {
        assertTrue(!lines.isEmpty(), "the scenario logged nothing: the check would prove nothing");
        for (String line : lines) {
            for (String secret : secrets) {
                assertTrue(!line.contains(secret), "a log line holds a secret: " + line);
            }
        }
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line =
                new StringBuilder(record.getLevel() + " " + record.getLoggerName() + " " + message(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    private static String message(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        String m = record.getMessage();
        Object[] params = record.getParameters();
        if (m == null || params == null || params.length == 0) {
            return String.valueOf(m);
        }
        try {
            return m.contains("%") ? String.format(m, params) : MessageFormat.format(m, params);
        } catch (IllegalArgumentException e) {
            return m + " " + java.util.Arrays.toString(params);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        for (int i = 0; i < OPENED.size(); i++) {
            Logger.getLogger(OPENED.get(i)).setLevel(previous.get(i));
        }
    }
}
