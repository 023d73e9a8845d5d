package dev.hearth.media.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.media.MediaActions;
import dev.hearth.media.MediaInbox;
import dev.hearth.media.webhook.WebhookSource;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Public;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The media apps' webhooks: {@code POST /api/v1/webhooks/media/{source}} (sonarr, radarr, overseerr, seerr, plex,
 * jellyfin). Public, as a webhook carries no API key: each source has its own secret ({@code media.webhooks.*}),
 * sent as {@code X-Hearth-Webhook-Secret} or {@code ?secret=}, checked before the body is read; then the audited
 * action {@code media.webhook} takes it.
 */
@Path("/api/v1/webhooks/media/{source}")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class MediaWebhookResource {
    public static final String SECRET_HEADER = "X-Hearth-Webhook-Secret";

    private final MediaInbox inbox;
    private final ActionCatalog actions;

    public MediaWebhookResource(MediaInbox inbox, ActionCatalog actions) {
        this.inbox = inbox;
        this.actions = actions;
    }

    @POST
    @Public
    @Consumes(MediaType.WILDCARD)
    public MediaInbox.Received receive(
            @PathParam("source") String sourceName,
            @HeaderParam(SECRET_HEADER) @Nullable String header,
            @QueryParam("secret") @Nullable String query,
            @HeaderParam("Content-Type") @Nullable String contentType,
            @Nullable String body) {
        WebhookSource source;
        try {
            source = MediaInbox.source(sourceName);
        } catch (ApiException unknown) {
            // No secret can match a source Hearth does not take: the same 401 as a wrong secret, before any body.
            throw new ApiException(
                    ErrorCode.UNAUTHORIZED,
                    "No webhook secret is taken for '" + sourceName
                            + "': the sources are sonarr, radarr, overseerr, seerr, plex and jellyfin",
                    Map.of("header", SECRET_HEADER));
        }
        if (!inbox.secretMatches(source, header != null ? header : query)) {
            String key = "media.webhooks." + source.name().toLowerCase(Locale.ROOT);
            throw new ApiException(
                    ErrorCode.UNAUTHORIZED,
                    "Missing or wrong webhook secret for " + sourceName + ": send " + key + " as the " + SECRET_HEADER
                            + " header or ?secret= (an empty " + key + " takes none)",
                    Map.of("header", SECRET_HEADER, "setting", key));
        }
        if (body == null || body.isBlank()) throw ApiException.invalid("body", "send the webhook's payload");
        ObjectNode params = JsonNodeFactory.instance
                .objectNode()
                .put("source", sourceName.strip().toLowerCase(Locale.ROOT))
                .put("body", body);
        if (contentType != null) params.put("content_type", contentType);
        Caller caller = new Caller(
                "webhook:media-" + source.name().toLowerCase(Locale.ROOT),
                sourceName + " webhook",
                Role.OPERATOR,
                Caller.Method.SYSTEM);
        return (MediaInbox.Received) actions.invoke(MediaActions.WEBHOOK, params, caller, "webhook");
    }
}
