package dev.hearth.compat.monsterr;

import dev.hearth.compat.CompatDoor;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.platform.web.ErrorShape;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Monsterr's errors: {@code {"error": {"code", "message", "details": "<string>"}}}, with its
 * {@code SERVICE_NOT_FOUND} ("Available services: plex, sonarr, radarr") where Hearth says NOT_FOUND and names the
 * services it knows.
 */
@Singleton
public class MonsterrDoor implements CompatDoor {
    static final String PREFIX = "/compat/monsterr";

    public record MonsterrError(Body error) {}

    public record Body(String code, String message, String details, String requestId) {}

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public ErrorShape errors() {
        return (code, message, details, requestId) -> {
            Object known = details.get("known");
            if (code == ErrorCode.NOT_FOUND && known instanceof List<?> names) {
                return new MonsterrError(new Body(
                        "SERVICE_NOT_FOUND",
                        message,
                        "Available services: "
                                + names.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                        requestId));
            }
            return new MonsterrError(new Body(code.name(), message, text(details), requestId));
        };
    }

    private static String text(Map<String, Object> details) {
        return details.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
