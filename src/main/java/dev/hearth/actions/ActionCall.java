package dev.hearth.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.web.ApiException;
import java.util.Optional;

/** One call of an action: who, through which door, with which parameters (already checked against the spec). */
public record ActionCall(Caller caller, String door, JsonNode params) {

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> ApiException.invalid(name, "is required"));
    }

    public Optional<String> optionalString(String name) {
        JsonNode n = params.get(name);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
    }

    public long integer(String name) {
        JsonNode n = params.get(name);
        if (n == null || !n.canConvertToLong()) throw ApiException.invalid(name, "must be a whole number");
        return n.asLong();
    }

    public boolean flag(String name, boolean fallback) {
        JsonNode n = params.get(name);
        return n == null || n.isNull() ? fallback : n.asBoolean();
    }
}
