package dev.hearth.notify.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.notify.Delivery;
import dev.hearth.notify.NotificationService;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.Params;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public NotificationsResource(
            NotificationService notifications, ConfigService config, ActionCatalog actions, CurrentCaller caller) {
        this.notifications = notifications;
        this.config = config;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Path("/channels")
    @Allow(Role.VIEWER)
    public Map<String, Object> channels() {
        // The config API's own redaction: every key marked @Secret shows as ********.
        JsonNode configured = config.redactedView().path("notifications").path("channels");
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode c : configured) {
            String name = c.path("name").asText();
            String type = c.path("type").asText();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", name);
            view.put("type", type);
            view.put("min_level", c.path("min_level").asText());
            JsonNode quiet = c.path("quiet_hours");
            view.put("quiet_hours", quiet.path("start").asText().isEmpty() ? null : quiet);
            view.put("settings", c.path(type) instanceof ObjectNode o ? o : Map.of());
            view.put("pending", notifications.channelNames().contains(name) ? notifications.pending(name) : 0);
            out.add(view);
        }
        return Map.of("channels", out, "total", out.size());
    }

    @POST
    @Path("/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public Object test(@Nullable JsonNode body) {
        return actions.invoke("notifications.test", body, caller.get(), "rest");
    }

    @GET
    @Path("/outbox")
    @Allow(Role.VIEWER)
    public Map<String, Object> outbox(
            @QueryParam("status") @Nullable String status,
            @QueryParam("limit") @Nullable String limit,
            @QueryParam("offset") @Nullable String offset) {
        List<Delivery.Status> statuses = statuses(status);
        int l = Params.integer(limit, "limit", 50, 1, 500);
        int o = Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        List<Delivery> page = notifications.deliveries(statuses, l, o);
        long total = notifications.countDeliveries(statuses);
        return Map.of("deliveries", page, "total", total, "has_more", o + page.size() < total);
    }

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
