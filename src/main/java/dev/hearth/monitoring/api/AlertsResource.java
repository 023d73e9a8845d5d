package dev.hearth.monitoring.api;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import dev.hearth.platform.web.Paged;
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
import java.util.List;
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
    public AlertList list(
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
        int max = Params.integer(limit, "limit", 100, 1, 1000);
        int skip = Params.integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        AlertService.Page page = alerts.list(l, s, Params.instant(since, "since", Instant.EPOCH), max, skip);
        return new AlertList(
                page.alerts().stream().map(AlertView::of).toList(),
                page.total(),
                page.hasMore(),
                page.hasMore(),
                max,
                skip);
    }

    /** One page of alerts; {@code hasMore} is the seed's spelling of {@code has_more}, kept for its clients. */
    public record AlertList(
            List<AlertView> alerts,
            long total,
            // named outright, as its twin is: left to the naming strategy, the two would meet under "hasMore" first
            @JsonProperty("has_more") boolean hasMore,
            @JsonProperty("hasMore") boolean seedHasMore,
            int limit,
            int offset)
            implements Paged {}

    @GET
    @Path("/summary")
    @Allow(Role.VIEWER)
    public AlertSummary summary() {
        AlertService.Summary s = alerts.summary();
        Map<AlertLevel, Long> by = s.byLevel();
        return new AlertSummary(
                s.open(),
                s.acknowledged(),
                new AlertSummary.ByLevel(
                        by.getOrDefault(AlertLevel.INFO, 0L),
                        by.getOrDefault(AlertLevel.WARNING, 0L),
                        by.getOrDefault(AlertLevel.ERROR, 0L),
                        by.getOrDefault(AlertLevel.CRITICAL, 0L)));
    }

    /** Open alerts (acknowledged ones included) and how many of each level. */
    public record AlertSummary(long open, long acknowledged, ByLevel byLevel) {
        public record ByLevel(long info, long warning, long error, long critical) {}
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
    public Record acknowledge(@PathParam("id") String id) {
        return actions.invoke("alerts.acknowledge", idParam(id), caller.get(), "rest");
    }

    @POST
    @Path("/{id}/resolve")
    @Allow(Role.OPERATOR)
    public Record resolve(@PathParam("id") String id) {
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
    public Record updateSettings(JsonNode body) {
        return actions.invoke("alerts.update_settings", body, caller.get(), "rest");
    }

    private static JsonNode idParam(String id) {
        MonitoringActions.parseId(id); // a 400 naming the parameter before the catalog sees it
        return JsonNodeFactory.instance.objectNode().put("id", id);
    }
}
