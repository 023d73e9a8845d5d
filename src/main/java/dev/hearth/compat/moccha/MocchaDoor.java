package dev.hearth.compat.moccha;

import dev.hearth.compat.CompatDoor;
import dev.hearth.platform.web.ErrorShape;
import jakarta.inject.Singleton;
import java.util.Map;

/** Moccha's errors: {@code {"success": false, "error": "<what went wrong>", "message": "<its kind>"}}. */
@Singleton
public class MocchaDoor implements CompatDoor {
    static final String PREFIX = "/compat/moccha";

    /** Moccha's error body; {@code code}, {@code details} and {@code request_id} are Hearth's, beside the seed's fields. */
    public record MocchaError(
            boolean success,
            String error,
            String message,
            String code,
            Map<String, Object> details,
            String requestId) {}

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public ErrorShape errors() {
        return (code, message, details, requestId) -> new MocchaError(
                false, message, code.name().replace('_', ' ').toLowerCase(), code.name(), details, requestId);
    }
}
