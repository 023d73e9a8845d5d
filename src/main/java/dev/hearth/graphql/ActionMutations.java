package dev.hearth.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.graphql.SeedTypes.ActionInfo;
import dev.hearth.graphql.SeedTypes.ActionOutcome;
import dev.hearth.graphql.SeedTypes.ActionParam;
import dev.hearth.graphql.SeedTypes.Outcome;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.jspecify.annotations.Nullable;

/**
 * Every change through the action catalog, which checks the role and audits the call (door {@code graphql}):
 * MLTB's named mutations where the catalog has their action, and {@code runAction} for every action.
 */
@GraphQLApi
public class ActionMutations {
    static final String DOOR = "graphql";

    private final ActionCatalog catalog;
    private final GraphCallers callers;
    private final ObjectMapper json;

    public ActionMutations(ActionCatalog catalog, GraphCallers callers, ObjectMapper json) {
        this.catalog = catalog;
        this.callers = callers;
        this.json = json;
    }

    @Mutation
    @Description("Raises an alert (action alerts.raise, operator).")
    public @NonNull Outcome triggerAlert(
            @Name("level") @NonNull String level, @Name("message") @NonNull String message) {
        return GraphError.guard(() -> {
            ObjectNode params = json.createObjectNode().put("level", level).put("message", message);
            JsonNode alert = run("alerts.raise", params);
            return new Outcome(true, "Alert raised: " + alert.path("id").asText());
        });
    }

    @Mutation
    @Description("Restarts a managed service (action services.restart, operator).")
    public @NonNull Outcome restartService(@Name("service") @NonNull String service) {
        return GraphError.guard(() -> {
            JsonNode answer = run("services.restart", json.createObjectNode().put("name", service));
            return new Outcome(
                    answer.path("success").asBoolean(true),
                    answer.path("message").asText());
        });
    }

    @Mutation
    @Description("Runs any action of the catalog (see the actions query) with its parameters as a JSON object text; "
            + "the answer's result is the action's typed answer as JSON text, the same fields REST gives.")
    public @NonNull ActionOutcome runAction(
            @Name("name") @NonNull String name, @Name("params") @Nullable String params) {
        return GraphError.guard(() -> {
            JsonNode parsed;
            try {
                parsed = params == null || params.isBlank() ? json.createObjectNode() : json.readTree(params);
            } catch (JsonProcessingException e) {
                throw ApiException.invalid("params", "must be a JSON object text: " + e.getOriginalMessage());
            }
            JsonNode result = run(name, parsed);
            String message =
                    result.path("message").isTextual() ? result.path("message").asText() : "Action " + name + " done";
            return new ActionOutcome(true, message, name, result.toString());
        });
    }

    @Query
    @Description("The actions runAction accepts, with their roles and parameters.")
    public @NonNull List<@NonNull ActionInfo> actions() {
        return GraphError.guard(() -> {
            callers.require(Role.VIEWER);
            return catalog.list().stream()
                    .map(s -> new ActionInfo(
                            s.id(),
                            s.description(),
                            s.role().id(),
                            s.destructive(),
                            s.params().stream()
                                    .map(p -> new ActionParam(
                                            p.name(),
                                            p.type().name().toLowerCase(Locale.ROOT),
                                            p.required(),
                                            p.description()))
                                    .toList()))
                    .toList();
        });
    }

    /** An action through the catalog as the GraphQL caller, its typed answer as JSON. */
    JsonNode run(String action, JsonNode params) {
        // the caller must be known before the catalog is asked: an anonymous socket never reaches it
        var caller = callers.require(Role.VIEWER);
        return json.valueToTree(catalog.invoke(action, params, caller, DOOR));
    }
}
