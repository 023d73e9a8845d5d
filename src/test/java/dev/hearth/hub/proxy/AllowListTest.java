package dev.hearth.hub.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Homepage's model: only what a service's list names goes through. */
class AllowListTest {
    private static ConfinedPath path(String p) {
        return ConfinedPath.parse(p, Map.of());
    }

    @Test
    void rulesNameMethodsAndPathsWithOneSegmentAndRestWildcards() {
        AllowList list = AllowList.parse(
                List.of("GET /api/v3/system/status", "GET,POST /api/v2/torrents/*", "* /api/v1/queue/**"));
        assertTrue(list.permits("GET", path("/api/v3/system/status")));
        assertTrue(list.permits("GET", path("/api/v3/system/status/")), "a trailing slash is the same path");
        assertFalse(list.permits("POST", path("/api/v3/system/status")));
        assertTrue(list.permits("POST", path("/api/v2/torrents/pause")));
        assertFalse(list.permits("POST", path("/api/v2/torrents/pause/now")), "* is one segment");
        assertFalse(list.permits("DELETE", path("/api/v2/torrents/delete")));
        assertTrue(list.permits("DELETE", path("/api/v1/queue/12/items/3")));
        assertTrue(list.permits("GET", path("/api/v1/queue")));
        assertFalse(
                list.permits("GET", path("/API/v3/system/status")),
                "case-sensitive: another spelling is not on the list");
        assertTrue(
                list.permits("GET", path("/api/v3/system/st%61tus")),
                "matched on the decoded segments the proxy sends");
        assertTrue(AllowList.everything().permits("DELETE", path("/anything")));
    }

    @Test
    void aMalformedRuleIsRefusedWithItsText() {
        for (String bad :
                List.of("/api/x", "FETCH /api/x", "GET api/x", "GET /api/../x", "GET /api/**/x", "GET /api//x")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> AllowList.parse(List.of(bad)));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }
}
