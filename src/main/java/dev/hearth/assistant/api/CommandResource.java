package dev.hearth.assistant.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.assistant.Assistant;
import dev.hearth.assistant.HistoryEntry;
import dev.hearth.assistant.Reply;
import dev.hearth.assistant.Turn;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/command}: the seed's chat door ({@code user_id}, {@code message}, {@code context} in;
 * {@code status}, {@code action}, {@code details}, {@code message} out) onto the assistant. Any caller may talk; each
 * action is checked against the caller's own role by the catalog. {@code user_id} only names the conversation within
 * the caller (a bot relaying several chats keeps them apart); it never changes whose role acts.
 */
@Path("/api/v1/command")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {
    /** {@code context.confirm}: the id of a confirmation, for a door that answers it with a button instead of "yes". */
    public record CommandRequest(
            @Nullable JsonNode userId,
            @Nullable String message,
            @Nullable JsonNode context) {}

    public record CommandAnswer(
            String status,
            @Nullable String action,
            JsonNode details,
            String message,
            Reply.@Nullable Confirmation confirmation,
            List<String> choices) {}

    public record History(String provider, List<HistoryEntry> messages) {}

    private final Assistant assistant;
    private final CurrentCaller caller;

    public CommandResource(Assistant assistant, CurrentCaller caller) {
        this.assistant = assistant;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.VIEWER)
    public CommandAnswer command(
            @RequestBody(description = "{user_id, message, context}: message is what the user typed")
                    CommandRequest body) {
        if (body == null) throw ApiException.invalid("message", "is required");
        String confirm = confirmation(body.context());
        String message = body.message() == null ? "" : body.message();
        if (message.isBlank() && confirm == null)
            throw ApiException.invalid("message", "is required (what the user typed)");
        if (message.length() > Turn.MAX_TEXT)
            throw ApiException.invalid("message", "must be at most " + Turn.MAX_TEXT + " characters");
        Reply r = assistant.handle(
                new Turn(caller.get(), Assistant.CHAT_DOOR, conversation(body.userId()), message, confirm));
        return new CommandAnswer(r.status().id(), r.action(), r.details(), r.message(), r.confirmation(), r.choices());
    }

    @GET
    @Path("/history")
    @Allow(Role.VIEWER)
    public History history(@QueryParam("user_id") @Nullable String userId) {
        return new History(
                assistant.provider(),
                assistant.history(
                        caller.get(),
                        conversation(
                                userId == null ? null : com.fasterxml.jackson.databind.node.TextNode.valueOf(userId))));
    }

    private static String conversation(@Nullable JsonNode userId) {
        if (userId == null || userId.isNull()) return "default";
        if (!userId.isTextual() && !userId.isIntegralNumber())
            throw ApiException.invalid("user_id", "must be a number or a string");
        String id = userId.asText().trim();
        if (id.isEmpty() || id.length() > 64) throw ApiException.invalid("user_id", "must be 1 to 64 characters");
        return "user:" + id;
    }

    private static @Nullable String confirmation(@Nullable JsonNode context) {
        if (context == null || context.isNull()) return null;
        if (!context.isObject()) throw ApiException.invalid("context", "must be an object");
        JsonNode confirm = context.get("confirm");
        if (confirm == null || confirm.isNull()) return null;
        if (!confirm.isTextual() || !confirm.asText().matches("[0-9a-f]{8,64}")) {
            throw ApiException.invalid(
                    "context.confirm", "must be the id of a confirmation, as the last answer gave it");
        }
        return confirm.asText();
    }
}
