package dev.hearth.web;

import dev.hearth.testing.Api;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the other features' test profiles offer the browser tests, read through the API. */
final class ServicesFixture {
    private ServicesFixture() {}

    /** A service Hearth can restart (it has a runtime), or null while none is configured. */
    static @Nullable String runtimeService() {
        if (!DashboardTest.routeExists("GET /api/v1/services")) return null;
        List<Map<String, Object>> services = Api.admin().get("/api/v1/services").jsonPath().getList("services");
        if (services == null) return null;
        return services.stream().filter(s -> s.get("runtime") != null && !"external".equals(s.get("runtime")) && "running".equals(String.valueOf(s.getOrDefault("state", s.get("status")))))
                .map(s -> String.valueOf(s.get("name"))).findFirst().orElse(null);
    }

}
