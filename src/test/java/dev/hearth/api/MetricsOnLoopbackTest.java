package dev.hearth.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code metrics.open_on_loopback: true}: a scrape from this machine needs no key; one a proxy forwards still does. */
@QuarkusTest
@TestProfile(MetricsOnLoopbackTest.OpenOnLoopback.class)
class MetricsOnLoopbackTest {
    public static class OpenOnLoopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hearth.metrics.open_on_loopback", "true");
        }
    }

    @Test
    void aLocalScrapeNeedsNoKeyButAForwardedOneDoes() {
        // the tests talk to Hearth over loopback
        Api.anonymous().get("/metrics").then().statusCode(200).body(containsString("# TYPE"));
        for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
            Api.anonymous()
                    .header(header, header.equals("Forwarded") ? "for=203.0.113.9" : "203.0.113.9")
                    .get("/metrics")
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("UNAUTHORIZED"));
        }
        // only /metrics: every other route still needs a caller
        Api.anonymous().get("/api/v1/status").then().statusCode(401);
    }
}
