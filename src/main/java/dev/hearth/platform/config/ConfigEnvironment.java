package dev.hearth.platform.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where overrides come from. {@code property} answers dotted names ({@code hearth.server.port}); inside
 * Quarkus it is MicroProfile Config, which also maps {@code HEARTH_SERVER_PORT} and test overrides.
 * {@code env} answers raw environment names for {@code ${VAR}} substitution and the documented aliases.
 */
public record ConfigEnvironment(Function<String, Optional<String>> property, Function<String, Optional<String>> env) {

    /** The process's own system properties and environment, used before Quarkus starts. */
    public static ConfigEnvironment ofProcess() {
        return new ConfigEnvironment(
                name -> Optional.ofNullable(System.getProperty(name))
                        .or(() -> Optional.ofNullable(System.getenv(envName(name)))),
                name -> Optional.ofNullable(System.getenv(name)));
    }

    /** {@code hearth.server.max_body_size} → {@code HEARTH_SERVER_MAX_BODY_SIZE}, as MicroProfile Config maps it. */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
