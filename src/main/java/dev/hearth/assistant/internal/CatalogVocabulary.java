package dev.hearth.assistant.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The names a message is matched against, read through the action catalog's read actions with the caller's own
 * role (so the chat sees what the caller could see through REST), each list at most once per message.
 */
public final class CatalogVocabulary implements Vocabulary {
    private final ActionCatalog catalog;
    private final ObjectMapper json;
    private final Caller caller;
    private final String door;
    private final Supplier<List<String>> categories;
    // Read at the first question that needs them, once per turn.
    private @Nullable List<Named> services;
    private @Nullable List<Named> tasks;
    private @Nullable List<Named> alerts;

    public CatalogVocabulary(
            ActionCatalog catalog, ObjectMapper json, Caller caller, String door, Supplier<List<String>> categories) {
        this.catalog = catalog;
        this.json = json;
        this.caller = caller;
        this.door = door;
        this.categories = categories;
    }

    @Override
    public List<Named> services() {
        if (services == null) services = read("services.list", "{}", "services", "name", "display_name");
        return services;
    }

    @Override
    public List<Named> tasks() {
        if (tasks == null) tasks = read("tasks.list", "{\"status\":\"all\",\"limit\":100}", "tasks", "id", "name");
        return tasks;
    }

    @Override
    public List<Named> openAlerts() {
        if (alerts == null) alerts = read("alerts.list", "{}", "alerts", "id", "message");
        return alerts;
    }

    @Override
    public List<String> categories() {
        return categories.get();
    }

    private List<Named> read(String action, String params, String list, String idField, String labelField) {
        if (catalog.list().stream().noneMatch(s -> s.id().equals(action))) return List.of();
        JsonNode result;
        try {
            result = json.valueToTree(catalog.invoke(action, json.readTree(params), caller, door));
        } catch (ApiException e) {
            return List.of(); // a list the caller may not read matches nothing
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<Named> out = new ArrayList<>();
        for (JsonNode item : result.path(list)) {
            String id = item.path(idField).asText();
            String label = item.path(labelField).asText();
            out.add(new Named(id, label.isBlank() ? id : label));
        }
        return out;
    }
}
