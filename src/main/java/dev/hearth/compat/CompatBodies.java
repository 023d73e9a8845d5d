package dev.hearth.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import org.jspecify.annotations.Nullable;

/** Reading a seed's JSON body: an empty body is an empty object, anything but an object a 400. */
public final class CompatBodies {
    private CompatBodies() {}

    public static JsonNode object(ObjectMapper json, @Nullable String body) {
        if (body == null || body.isBlank()) return JsonNodeFactory.instance.objectNode();
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !n.isObject()) throw new ApiException(ErrorCode.INVALID_INPUT, "Send a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.INVALID_INPUT, "Malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** A required text field of the body, or a 400 naming it. */
    public static String text(JsonNode body, String field, String what) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw ApiException.invalid(field, what);
        return v.asText();
    }
}
