package dev.hearth.platform.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The application's one outbound stack. Upstream JSON is read leniently: every upstream adds fields between releases. */
public class HttpStackProducer {
    @Produces
    @Singleton
    HttpStack httpStack(Clock clock) {
        return new HttpStack(
                JsonMapper.builder()
                        .findAndAddModules()
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build(),
                clock);
    }
}
