package dev.hearth.backups;

import dev.hearth.platform.config.ConfigEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a restore waits to be finished, answered in a millisecond and without the configuration machinery:
 * {@code Hearth.main} asks before it lets Quarkus initialise on a second thread, because that initialisation
 * already opens the database and reads the configuration, which the swap is about to replace. The data dir is
 * found as the configuration finds it: {@code -Dhearth.data_dir}, {@code HEARTH_DATA_DIR}, the top-level
 * {@code data_dir:} of the config file, else {@code ./data}.
 */
public final class PendingRestore {
    private static final Pattern DATA_DIR = Pattern.compile("(?m)^data_dir:\\s*(.*?)\\s*(?:#.*)?$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private PendingRestore() {}

    /** The journal of a restore to finish, if the probed data dir has one. */
    public static Optional<Path> find(ConfigEnvironment env) {
        Path journal = dataDir(env).resolve("restore").resolve("journal.json");
        return Files.isRegularFile(journal) ? Optional.of(journal) : Optional.empty();
    }

    /** Whether the data dir the full configuration names holds a journal (to catch a probe that looked elsewhere). */
    public static boolean in(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve("restore").resolve("journal.json"));
    }

    static Path dataDir(ConfigEnvironment env) {
        Optional<String> set = env.property().apply("hearth.data_dir");
        if (set.isPresent()) return Path.of(set.get());
        Path file = env.property()
                .apply("hearth.config")
                .or(() -> env.env().apply("HEARTH_CONFIG"))
                .map(Path::of)
                .orElse(Path.of("hearth.yml"));
        try {
            if (Files.isRegularFile(file)) {
                Matcher m = DATA_DIR.matcher(Files.readString(file));
                if (m.find() && !m.group(1).isEmpty()) return Path.of(substitute(unquote(m.group(1)), env));
            }
        } catch (IOException | RuntimeException unreadable) {
            // the configuration's own reading reports it
        }
        return Path.of("./data");
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'")))
            return v.substring(1, v.length() - 1);
        return v;
    }

    private static String substitute(String v, ConfigEnvironment env) {
        Matcher m = VARIABLE.matcher(v);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.env().apply(m.group(1)).orElse(m.group(2) == null ? "" : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
