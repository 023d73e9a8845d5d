package dev.hearth.platform.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.http.HttpStack;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What a kind may use to build its instances, and nothing else: the one outbound HTTP stack, the JSON
 * mapper, the clock and the configuration as it stands at each call (a kind reads its feature's section
 * there: aria2's client, which deletes files itself, the download roots). No CDI type on purpose: a kind is
 * made by {@link java.util.ServiceLoader}, in Hearth.main as well as inside the application, and later
 * from a plugin's jar.
 */
public record KindContext(HttpStack http, ObjectMapper json, Clock clock, Supplier<HearthConfig> config) {}
