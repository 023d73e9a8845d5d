package dev.hearth.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown by any layer to answer with the error shape; the message is shown to the user as it is. */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static ApiException notFound(String what, String name, java.util.Collection<String> known) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("known", known.stream().sorted().toList());
        return new ApiException(ErrorCode.NOT_FOUND, what + " '" + name + "' not found", details);
    }

    public static ApiException invalid(String field, String problem) {
        return new ApiException(ErrorCode.INVALID_INPUT, field + ": " + problem, Map.of("field", field));
    }
}
