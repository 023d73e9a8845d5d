package dev.hearth.compat.automation;

import dev.hearth.compat.CompatDoor;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.platform.web.ErrorShape;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The automation server's errors: {@code {"status": "error", "error": {"code", "message", "details"}}}, with its
 * code {@code RATE_LIMIT_EXCEEDED} where Hearth says {@code RATE_LIMITED}.
 */
@Singleton
public class AutomationDoor implements CompatDoor {
    static final String PREFIX = "/compat/automation";

    public record AutomationError(String status, Body error) {}

    public record Body(String code, String message, Map<String, Object> details, String requestId) {}

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public ErrorShape errors() {
        return (code, message, details, requestId) -> new AutomationError(
                "error",
                new Body(
                        code == ErrorCode.RATE_LIMITED ? "RATE_LIMIT_EXCEEDED" : code.name(),
                        message,
                        details,
                        requestId));
    }
}
