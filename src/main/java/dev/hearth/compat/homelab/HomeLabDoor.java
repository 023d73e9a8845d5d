package dev.hearth.compat.homelab;

import dev.hearth.compat.CompatDoor;
import dev.hearth.platform.web.ErrorShape;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * HomeLab Dashboard's error envelope, {@code {"success": false, "error": "<message>"}}, for everything under
 * {@code /compat/homelab}. The seed's one HTTP route, the generic proxy {@code /api/services/{id}/proxy/?path=},
 * needs the integration hub's proxy and arrives with issue 14; until then this door answers every path with a
 * 404 in the seed's envelope (docs/compat.md).
 */
@Singleton
public class HomeLabDoor implements CompatDoor {
    /** The seed's error; {@code code}, {@code details} and {@code request_id} are Hearth's, beside it. */
    public record HomeLabError(
            boolean success, String error, String code, Map<String, Object> details, String requestId) {}

    @Override
    public String prefix() {
        return "/compat/homelab";
    }

    @Override
    public ErrorShape errors() {
        return (code, message, details, requestId) -> new HomeLabError(false, message, code.name(), details, requestId);
    }
}
