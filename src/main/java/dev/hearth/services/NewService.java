package dev.hearth.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.web.ApiException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A service to add at run time, checked as hearth.yml's are: a name Hearth can use in a URL, an http(s) URL, an
 * integration kind, and the kind's settings under {@code credentials} (the kind's settings record checks them).
 * No runtime: a service added here is reached by its URL; containers are Docker's to list.
 */
public record NewService(
        String name,
        String displayName,
        String group,
        String url,
        String integration,
        Duration checkInterval,
        Duration timeout,
        ObjectNode credentials,
        java.util.Map<String, String> labels) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public static NewService from(@Nullable JsonNode p) {
        if (p == null || !p.isObject()) throw ApiException.invalid("body", "send a JSON object");
        String name = p.path("name").asText("").trim();
        if (!NAME.matcher(name).matches())
            throw ApiException.invalid("name", "must be lower-case letters, digits, - or _ (got '" + name + "')");
        if (!p.path("url").isTextual() || p.path("url").asText().isBlank())
            throw ApiException.invalid("url", "is required");
        String integration = p.path("integration").asText("").trim();
        if (integration.isEmpty()) throw ApiException.invalid("integration", "is required");
        JsonNode credentials = p.path("credentials");
        if (!credentials.isMissingNode() && !credentials.isNull() && !credentials.isObject())
            throw ApiException.invalid("credentials", "must be an object of the kind's settings");
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        JsonNode given = p.path("labels");
        if (!given.isMissingNode() && !given.isNull()) {
            if (!given.isObject()) throw ApiException.invalid("labels", "must be an object of text values");
            for (var it = given.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isTextual())
                    throw ApiException.invalid("labels." + e.getKey(), "must be a text value");
                labels.put(e.getKey(), e.getValue().asText());
            }
            ServiceEntry.labelProblem(labels).ifPresent(problem -> {
                throw ApiException.invalid("labels", problem);
            });
        }
        ObjectNode edits = JsonNodeFactory.instance.objectNode();
        for (String key : ServiceEdits.EDITABLE) {
            if (p.has(key) && !p.get(key).isNull()) edits.set(key, p.get(key));
        }
        ObjectNode checked = ServiceEdits.check(edits); // the same rules as a change to an existing service
        return new NewService(
                name,
                checked.path("display_name").asText(name),
                checked.path("group").asText(""),
                checked.path("url").asText(),
                integration,
                checked.has("check_interval")
                        ? Durations.parse(checked.get("check_interval").asText())
                        : Duration.ofSeconds(30),
                checked.has("timeout") ? Durations.parse(checked.get("timeout").asText()) : Duration.ofSeconds(5),
                credentials.isObject() ? ((ObjectNode) credentials).deepCopy() : JsonNodeFactory.instance.objectNode(),
                labels);
    }

    ServiceEntry entry() {
        return new ServiceEntry(
                name,
                displayName,
                group,
                "",
                url,
                integration,
                checkInterval,
                timeout,
                credentials,
                new ServiceEntry.Runtime(null, null),
                labels);
    }
}
