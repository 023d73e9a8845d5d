package dev.hearth.compat;

import dev.hearth.services.api.ServicesWorld;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The services world of the services API tests: a REAL Docker container "plex", a supervised process, a hung URL. */
public class AutomationProfile implements QuarkusTestProfile {
    static final String WEBHOOK_SECRET = "automation-webhook-secret-0123456789";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hearth.downloads.webhook_secret",
                WEBHOOK_SECRET,
                // the door's own limit, low enough for a test to reach it (per key: the other tests' keys stay under
                // it)
                "hearth.rate_limits.groups",
                RateLimitGroups.withDoor("automation", "/compat/automation", 30));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ServicesWorld.class));
    }
}
