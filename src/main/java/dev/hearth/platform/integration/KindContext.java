package dev.hearth.platform.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.http.HttpStack;
import java.time.Clock;

/**
 * What a kind may use to build its instances, and nothing else: the one outbound HTTP stack, the JSON
 * mapper and the clock. No CDI type on purpose: a kind is made by {@link java.util.ServiceLoader}, in
 * Hearth.main as well as inside the application, and later from a plugin's jar.
 */
public record KindContext(HttpStack http, ObjectMapper json, Clock clock) {}
