package dev.hearth.assistant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.actions.ActionSpec;
import dev.hearth.platform.security.Role;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The action catalog as tools, never written twice: the LLM tool list and the MCP tool list both come from here,
 * filtered by the caller's role. An action is read-only when the viewer may run it: every viewer action only reads.
 */
@Singleton
public class ActionTools {
    private final ActionCatalog catalog;
    /** Built at the first use, once every action provider is in the catalog. */
    private volatile @Nullable Map<String, Tool> byName;

    public ActionTools(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /** The tools {@code role} may run, in the catalog's (sorted, stable) order; with {@code readOnly} only the reads. */
    public List<Tool> forRole(Role role, boolean readOnly) {
        return all().values().stream()
                .filter(t -> role.includes(catalog.spec(t.actionId()).role()))
                .filter(t -> !readOnly || t.readOnly())
                .toList();
    }

    /** Any tool by its name, whatever the role: the catalog decides, and audits, whether the caller may run it. */
    public Optional<Tool> byName(String name) {
        return Optional.ofNullable(all().get(name));
    }

    public static String toolName(String actionId) {
        return actionId.replace('.', '_');
    }

    private Map<String, Tool> all() {
        Map<String, Tool> tools = byName;
        if (tools == null) {
            Map<String, Tool> built = new LinkedHashMap<>();
            for (ActionSpec spec : catalog.list()) {
                Tool t = tool(spec);
                if (built.putIfAbsent(t.name(), t) != null)
                    throw new IllegalStateException("two actions make the tool name " + t.name());
            }
            // the catalog's sorted order, so every list is deterministic (MCP asks servers for that)
            byName = tools = java.util.Collections.unmodifiableMap(built);
        }
        return tools;
    }

    static Tool tool(ActionSpec spec) {
        String description = spec.description()
                + (spec.destructive() ? ". Destructive: Hearth asks the user to confirm before it runs." : ".")
                + " Needs the " + spec.role().id() + " role.";
        return new Tool(
                toolName(spec.id()),
                spec.id(),
                description,
                schema(spec),
                spec.destructive(),
                spec.role() == Role.VIEWER);
    }

    /** A JSON Schema (2020-12 keywords only) for the action's parameters: types, descriptions, what is required, nothing else. */
    public static ObjectNode schema(ActionSpec spec) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode schema = f.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = f.arrayNode();
        for (ActionSpec.Param p : spec.params()) {
            properties
                    .putObject(p.name())
                    .put(
                            "type",
                            switch (p.type()) {
                                case STRING -> "string";
                                case INTEGER -> "integer";
                                case NUMBER -> "number";
                                case BOOLEAN -> "boolean";
                                case OBJECT -> "object";
                            })
                    .put("description", p.description());
            if (p.required()) required.add(p.name());
        }
        if (!required.isEmpty()) schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }
}
