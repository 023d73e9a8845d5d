package dev.hearth.platform.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Where the running configuration's values come from, for a dashboard that must show a value from hearth.yml as
 * read-only: every key set by a layer above the defaults, with that layer. A key not listed has its default value.
 *
 * @param file the configuration file read (empty: none)
 * @param keys each key set above the defaults, as a dotted path ({@code downloads.categories.movies.save_path}); a
 *     list is one key
 */
public record ConfigOrigins(String file, List<Origin> keys) {

    public record Origin(String key, Source source, boolean editable) {}

    /** The layers, in rising precedence; a run-time change can replace only {@code default} and {@code runtime}. */
    public enum Source {
        DEFAULT,
        FILE,
        RUNTIME,
        ENVIRONMENT;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
