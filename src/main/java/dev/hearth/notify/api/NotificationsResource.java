package dev.hearth.notify.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.notify.ChannelEditor;
import dev.hearth.notify.Delivery;
import dev.hearth.notify.NotificationService;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Paged;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Notification channels (secrets redacted), the outbox, and a test send through the action catalog. */
@Path("/api/v1/notifications")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {
    private final NotificationService notifications;
    private final ConfigService config;
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final ChannelEditor editor;

    public NotificationsResource(
            NotificationService notifications,
            ConfigService config,
            ActionCatalog actions,
            CurrentCaller caller,
            ChannelEditor editor) {
        this.notifications = notifications;
        this.config = config;
        this.actions = actions;
        this.caller = caller;
        this.editor = editor;
    }

    @GET
    @Path("/channels")
    @Allow(Role.VIEWER)
    public ChannelList channels() {
        // The config API's own redaction: every key marked @Secret shows as ********.
        JsonNode configured = config.redactedView().path("notifications").path("channels");
        List<ChannelView> out = new ArrayList<>();
        for (JsonNode c : configured) {
            String name = c.path("name").asText();
            String type = c.path("type").asText();
            JsonNode quiet = c.path("quiet_hours");
            out.add(new ChannelView(
                    name,
                    type,
                    c.path("min_level").asText(),
                    quiet.path("start").asText().isEmpty() ? null : quiet,
                    c.path(type) instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode(),
                    notifications.channelNames().contains(name) ? notifications.pending(name) : 0,
                    "config"));
        }
        for (ChannelEditor.AddedChannel a : editor.added()) {
            out.add(new ChannelView(
                    a.name(),
                    a.type(),
                    a.minLevel(),
                    null,
                    JsonNodeFactory.instance.objectNode(), // they hold its token: write-only
                    notifications.pending(a.name()),
                    "api"));
        }
        return new ChannelList(out, out.size());
    }

    public record ChannelList(List<ChannelView> channels, int total) {}

    /**
     * A channel as configured, secrets redacted. {@code settings} is the kind's own section (each kind has its
     * fields, declared by its settings record), so it is shown as the configuration holds it; {@code source} is
     * {@code config} (hearth.yml) or {@code api} (added at run time, settings write-only).
     */
    public record ChannelView(
            String name,
            String type,
            String minLevel,
            @Nullable JsonNode quietHours,
            JsonNode settings,
            long pending,
            String source) {}

    /** Adds a channel; a test is sent first and the channel kept only if it arrives. */
    @POST
    @Path("/channels")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response addChannel(@Nullable JsonNode body) {
        return Response.status(201)
                .entity(actions.invoke("notifications.add_channel", body, caller.get(), "rest"))
                .build();
    }

    /** Removes a channel added at run time. */
    @DELETE
    @Path("/channels/{name}")
    @Allow(Role.ADMIN)
    public Record deleteChannel(@PathParam("name") String name) {
        return actions.invoke(
                "notifications.delete_channel",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode()
                        .put("name", name),
                caller.get(),
                "rest");
    }

    @POST
    @Path("/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public Record test(@Nullable JsonNode body) {
        return actions.invoke("notifications.test", body, caller.get(), "rest");
    }

    @GET
    @Path("/outbox")
    @Allow(Role.VIEWER)
    public Outbox outbox(
            @QueryParam("status") @Nullable String status,
            @QueryParam("limit") @Nullable String limit,
            @QueryParam("offset") @Nullable String offset) {
        List<Delivery.Status> statuses = statuses(status);
        int l = Params.integer(limit, "limit", 50, 1, 500);
        int o = Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        List<Delivery> page = notifications.deliveries(statuses, l, o);
        long total = notifications.countDeliveries(statuses);
        return new Outbox(page, total, o + page.size() < total, l, o);
    }

    /** One page of deliveries, newest first. */
    public record Outbox(List<Delivery> deliveries, long total, boolean hasMore, int limit, int offset)
            implements Paged {}

    private static List<Delivery.Status> statuses(@Nullable String status) {
        if (status == null || status.isBlank()) return List.of(Delivery.Status.PENDING, Delivery.Status.FAILED);
        if (status.equals("all")) return List.of(Delivery.Status.values());
        return Arrays.stream(Delivery.Status.values())
                .filter(s -> s.id().equals(status))
                .findFirst()
                .map(List::of)
                .orElseThrow(() -> ApiException.invalid(
                        "status", "must be pending, failed, delivered or all (got '" + status + "')"));
    }
}
