package dev.hearth.platform.web;

import java.util.Map;

/**
 * The one error shape: {@code {"error": {"code", "message", "details", "request_id"}}}.
 * {@code details} tells the caller what to do next (the names that do exist, the field that was wrong).
 */
public record ApiError(Body error) {

    public record Body(String code, String message, Map<String, Object> details, String requestId) {}

    public static ApiError of(ErrorCode code, String message, Map<String, Object> details, String requestId) {
        return new ApiError(new Body(code.name(), message, Map.copyOf(details), requestId));
    }
}
