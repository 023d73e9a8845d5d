package dev.hearth.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class AuditLogCapTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void parametersThatFitAreKeptWhole() {
        ObjectNode p = JSON.createObjectNode().put("name", "plex").put("force", true);
        assertEquals("{\"name\":\"plex\",\"force\":true}", AuditLog.capped(p));
    }

    @Test
    void longValuesAreCutAndTooManyParametersLeaveTheirNames() {
        ObjectNode one =
                JSON.createObjectNode().put("name", "x".repeat(100_000)).put("role", "viewer");
        String cut = AuditLog.capped(one);
        assertTrue(
                cut.length() <= AuditLog.MAX_PARAMS && cut.contains("\"role\":\"viewer\"") && cut.contains("more)"),
                cut);
        ObjectNode many = JSON.createObjectNode();
        for (int i = 0; i < 2000; i++) many.put("p" + i, "v".repeat(200));
        String names = AuditLog.capped(many);
        assertTrue(names.length() <= AuditLog.MAX_PARAMS && names.startsWith("[\"p0\""), names.substring(0, 40));
        ObjectNode longNames = JSON.createObjectNode();
        for (int i = 0; i < 500; i++) longNames.put(i + "\u0001".repeat(100), 1);
        assertTrue(AuditLog.names(longNames).toString().length() <= AuditLog.MAX_PARAMS);
    }
}
