package dev.hearth.compat.mltb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.hearth.compat.CompatDoor;
import dev.hearth.platform.web.ApiError;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.platform.web.ErrorShape;
import jakarta.inject.Singleton;

/**
 * MLTB's errors are Hearth's shape ({@code {"error": {"code", "message", "details"}}}) except the rate limit's,
 * {@code {"error": "Rate limit exceeded", "retryAfter": 45}}; its {@code X-RateLimit-Reset} is an epoch second.
 */
@Singleton
public class MltbDoor implements CompatDoor {
    static final String PREFIX = "/compat/mltb";

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RateLimited(String error, long retryAfter, String code, String requestId) {}

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public ErrorShape errors() {
        return (code, message, details, requestId) -> code == ErrorCode.RATE_LIMITED
                ? new RateLimited(
                        "Rate limit exceeded",
                        details.get("retry_after_seconds") instanceof Number n ? n.longValue() : 60,
                        code.name(),
                        requestId)
                : ApiError.of(code, message, details, requestId);
    }

    @Override
    public boolean epochRateLimitReset() {
        return true;
    }
}
