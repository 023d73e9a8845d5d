package dev.hearth.compat.homelab;

import dev.hearth.compat.CompatDoor;
import dev.hearth.platform.web.ErrorShape;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * HomeLab Dashboard's error envelope, {@code {"success": false, "error": "<message>"}}, for everything under
 * {@code /compat/homelab}: the seed's one HTTP route, the generic proxy ({@link HomeLabResource}), and any other
 * path (a 404 in the same envelope).
 */
@Singleton
public class HomeLabDoor implements CompatDoor {
    static final String PREFIX = "/compat/homelab";

    /** The seed's error; {@code code}, {@code details} and {@code request_id} are Hearth's, beside it. */
    public record HomeLabError(
            boolean success, String error, String code, Map<String, Object> details, String requestId) {}

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public ErrorShape errors() {
        return (code, message, details, requestId) -> new HomeLabError(false, message, code.name(), details, requestId);
    }
}
