package dev.hearth.monitoring.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.monitoring.Alert;
import dev.hearth.monitoring.AlertLevel;
import dev.hearth.monitoring.AlertService;
import dev.hearth.monitoring.AlertView;
import dev.hearth.monitoring.MonitoringActions;
import dev.hearth.monitoring.MonitoringConfig;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Alerts: the seed's list and settings, acknowledge and resolve, raise by hand, and counts per level. */
@Path("/api/v1/alerts")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {
    private final AlertService alerts;
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final ConfigService config;

    public AlertsResource(AlertService alerts, ActionCatalog actions, CurrentCaller caller, ConfigService config) {
        this.alerts = alerts;
        this.actions = actions;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Allow(Role.VIEWER)
    public Map<String, Object> list(
            @QueryParam("level") @Nullable String level,
            @QueryParam("state") @Nullable String state,
            @QueryParam("limit") @Nullable String limit,
            @QueryParam("offset") @Nullable String offset,
            @QueryParam("since") @Nullable String since) {
        AlertLevel l = level == null || level.isBlank()
                ? null
                : AlertLevel.find(level)
                        .orElseThrow(() -> ApiException.invalid("level", "must be info, warning, error or critical"));
        Alert.State s = state == null || state.isBlank()
                ? null
                : Arrays.stream(Alert.State.values())
                        .filter(x -> x.id().equals(state.trim()))
                        .findFirst()
                        .orElseThrow(() -> ApiException.invalid("state", "must be raised, acknowledged or resolved"));
        AlertService.Page page = alerts.list(
                l,
                s,
                Params.instant(since, "since", Instant.EPOCH),
                Params.integer(limit, "limit", 100, 1, 1000),
                Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("alerts", page.alerts().stream().map(AlertView::of).toList());
        answer.put("total", page.total());
        answer.put("has_more", page.hasMore());
        answer.put("hasMore", page.hasMore()); // the seed's spelling
        return answer;
    }

    @GET
    @Path("/summary")
    @Allow(Role.VIEWER)
    public Map<String, Object> summary() {
        AlertService.Summary s = alerts.summary();
        Map<String, Object> byLevel = new LinkedHashMap<>();
        s.byLevel().forEach((level, count) -> byLevel.put(level.id(), count));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("open", s.open());
        answer.put("acknowledged", s.acknowledged());
        answer.put("by_level", byLevel);
        return answer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public Response raise(JsonNode body) {
        return Response.status(201)
                .entity(actions.invoke("alerts.raise", body, caller.get(), "rest"))
                .build();
    }

    @POST
    @Path("/{id}/ack")
    @Allow(Role.OPERATOR)
    public Object acknowledge(@PathParam("id") String id) {
        return actions.invoke("alerts.acknowledge", idParam(id), caller.get(), "rest");
    }

    @POST
    @Path("/{id}/resolve")
    @Allow(Role.OPERATOR)
    public Object resolve(@PathParam("id") String id) {
        return actions.invoke("alerts.resolve", idParam(id), caller.get(), "rest");
    }

    @GET
    @Path("/settings")
    @Allow(Role.VIEWER)
    public dev.hearth.monitoring.MonitoringActions.AlertSettings settings() {
        return MonitoringActions.settings(config.current().section(MonitoringConfig.class));
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Object updateSettings(JsonNode body) {
        return actions.invoke("alerts.update_settings", body, caller.get(), "rest");
    }

    private static JsonNode idParam(String id) {
        MonitoringActions.parseId(id); // a 400 naming the parameter before the catalog sees it
        return JsonNodeFactory.instance.objectNode().put("id", id);
    }
}
