package dev.hearth.downloads.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.downloads.DownloadActions;
import dev.hearth.downloads.DownloadService;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Public;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The download-complete webhook (seed: the automation server). It is a public path — a torrent client's
 * hook has no API key — and authenticates itself with the install's webhook secret before it reads the body.
 */
@Path("/api/v1/webhooks/download-complete")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {
    public static final String SECRET_HEADER = "X-Hearth-Webhook-Secret";
    /** Who the audit names: the hook proved itself with the install's secret, and may do this one thing. */
    private static final Caller WEBHOOK =
            new Caller("webhook:download-complete", "download-complete webhook", Role.OPERATOR, Caller.Method.SYSTEM);

    /** The answer: the task the call concerned, and whether it was the first to record the completion. */
    public record Answer(boolean success, String taskId, boolean recorded, String message) {}

    private final DownloadService downloads;
    private final ActionCatalog actions;
    private final ObjectMapper json;

    public WebhookResource(DownloadService downloads, ActionCatalog actions, ObjectMapper json) {
        this.downloads = downloads;
        this.actions = actions;
        this.json = json;
    }

    /** Public: the role gate does not apply, the secret does. */
    @POST
    @Public
    public Answer complete(
            @HeaderParam(SECRET_HEADER) @Nullable String header,
            @QueryParam("secret") @Nullable String query,
            @Nullable String body)
            throws JsonProcessingException {
        if (!downloads.webhookSecretMatches(header != null ? header : query)) {
            throw new ApiException(
                    ErrorCode.UNAUTHORIZED,
                    "Missing or wrong webhook secret: send it as the " + SECRET_HEADER
                            + " header or ?secret= (it is downloads.webhook_secret, or the file webhook-secret in the data dir)",
                    Map.of("header", SECRET_HEADER));
        }
        if (body == null || body.isBlank())
            throw ApiException.invalid(
                    "hash", "send the JSON payload: hash, name, category, save_path, size, completion_time");
        JsonNode payload = json.readTree(body);
        // An audited action from the door "webhook", like every other change.
        DownloadService.WebhookResult r =
                (DownloadService.WebhookResult) actions.invoke(DownloadActions.COMPLETE, payload, WEBHOOK, "webhook");
        return new Answer(
                true,
                r.task().id(),
                r.recorded(),
                r.recorded() ? "Completion recorded" : "Completion was already recorded");
    }
}
