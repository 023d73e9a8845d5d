package dev.hearth.downloads.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.downloads.TaskLimits;
import dev.hearth.downloads.TransferActions;
import dev.hearth.downloads.TransferControls;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * One task's speed caps (from its client) and its auto-delete-after-seeding rule. Changes go through the
 * action catalog.
 */
@Path("/api/v1/tasks/{id}/settings")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class TaskSettingsResource {
    private final TransferControls transfers;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public TaskSettingsResource(TransferControls transfers, ActionCatalog actions, CurrentCaller caller) {
        this.transfers = transfers;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Allow(Role.VIEWER)
    public TaskLimits get(@PathParam("id") String id) {
        return transfers.task(id);
    }

    /** {@code {"max_download_speed": 500, "seed_ratio_limit": 2.0, "delete_data_after_seeding": true}}. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public TaskLimits configure(@PathParam("id") String id, @Nullable JsonNode body) {
        return (TaskLimits) actions.invoke(
                TransferActions.CONFIGURE_TASK,
                ClientSettingsResource.withKey(body, "task_id", id),
                caller.get(),
                "rest");
    }
}
