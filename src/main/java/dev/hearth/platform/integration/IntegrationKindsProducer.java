package dev.hearth.platform.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.http.HttpStack;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The registry and the kinds' context as beans, for the features that bind services to kinds. */
public class IntegrationKindsProducer {
    @Produces
    @Singleton
    IntegrationKinds kinds(ConfigService config) {
        return IntegrationKinds.load(IntegrationKinds.class.getClassLoader(), config.plugins());
    }

    @Produces
    @Singleton
    KindContext context(HttpStack http, ObjectMapper json, Clock clock, ConfigService config) {
        return new KindContext(http, json, clock, config::current);
    }
}
