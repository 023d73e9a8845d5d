package dev.hearth.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigLoader;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKinds;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** What an integration test builds its client from: the registry's kinds, as the application makes them. */
public final class Targets {

    /**
     * Every client under test gets this timeout (the stack's default); the dead-daemon tests assert
     * against it. Two cores shared with other test runs make a tighter one flaky.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private Targets() {}

    public static HttpStack stack() {
        return new HttpStack(new ObjectMapper(), Clock.systemUTC());
    }

    public static KindContext context(HttpStack stack) {
        return context(stack, Targets::defaults);
    }

    /** With the configuration a kind reads (the download roots aria2's client deletes within). */
    public static KindContext context(HttpStack stack, Supplier<HearthConfig> config) {
        return new KindContext(stack, JSON, Clock.systemUTC(), config);
    }

    /** The configuration of an install with no hearth.yml: every default. */
    public static HearthConfig defaults() {
        return new ConfigLoader(TestConfig.environment(Map.of("hearth.data_dir", "target/kind-context"), Map.of()))
                .load();
    }

    /** The instance kind {@code kind} makes for a service at {@code url} with {@code settings} (its credentials), as in hearth.yml. */
    public static Integration create(HttpStack stack, String kind, String service, URI url, Map<String, ?> settings) {
        return create(stack, kind, service, url, settings, TIMEOUT);
    }

    public static Integration create(
            HttpStack stack, String kind, String service, URI url, Map<String, ?> settings, Duration timeout) {
        return create(context(stack), kind, service, url, settings, timeout);
    }

    public static Integration create(
            KindContext context, String kind, String service, URI url, Map<String, ?> settings, Duration timeout) {
        return IntegrationKinds.load().create(kind, service, url, JSON.valueToTree(settings), timeout, context);
    }
}
