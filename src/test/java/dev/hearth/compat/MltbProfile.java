package dev.hearth.compat;

import dev.hearth.downloads.e2e.RealClientsProfile;
import java.util.HashMap;
import java.util.Map;

/** The REAL download daemons of the end-to-end tests, and a rate limit on the door low enough to reach. */
public class MltbProfile extends RealClientsProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> all = new HashMap<>(super.getConfigOverrides());
        all.put("hearth.rate_limits.groups", RateLimitGroups.withDoor("mltb", "/compat/mltb", 40));
        return all;
    }
}
