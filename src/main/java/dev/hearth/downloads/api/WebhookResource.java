package dev.hearth.downloads.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.WebhookCompletion;
import dev.hearth.platform.security.Public;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
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

    private final DownloadService downloads;
    private final ObjectMapper json;

    public WebhookResource(DownloadService downloads, ObjectMapper json) {
        this.downloads = downloads;
        this.json = json;
    }

    /** Public: the role gate does not apply, the secret does. */
    @POST
    @Public
    public Map<String, Object> complete(@HeaderParam(SECRET_HEADER) @Nullable String header, @QueryParam("secret") @Nullable String query,
                                        @Nullable String body) throws JsonProcessingException {
        if (!downloads.webhookSecretMatches(header != null ? header : query)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Missing or wrong webhook secret: send it as the " + SECRET_HEADER
                    + " header or ?secret= (it is downloads.webhook_secret, or the file webhook-secret in the data dir)",
                    Map.of("header", SECRET_HEADER));
        }
        if (body == null || body.isBlank()) throw ApiException.invalid("hash", "send the JSON payload: hash, name, category, save_path, size, completion_time");
        WebhookCompletion hook = json.readValue(body, WebhookCompletion.class);
        DownloadService.WebhookResult r = downloads.complete(hook);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("task_id", r.task().id());
        answer.put("recorded", r.recorded());
        answer.put("message", r.recorded() ? "Completion recorded" : "Completion was already recorded");
        return answer;
    }
}
