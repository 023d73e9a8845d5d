package dev.hearth.system.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.system.FirstRun;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's first-run checklist: what only the server knows of it, and putting it away for good. */
@Path("/api/v1/first-run")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class FirstRunResource {
    private final FirstRun firstRun;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public FirstRunResource(FirstRun firstRun, ActionCatalog actions, CurrentCaller caller) {
        this.firstRun = firstRun;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Allow(Role.VIEWER)
    public FirstRun.State state() {
        return firstRun.of(caller.get());
    }

    @POST
    @Path("/dismiss")
    @Allow(Role.VIEWER)
    public Record dismiss() {
        return actions.invoke(FirstRun.DISMISS, JsonNodeFactory.instance.objectNode(), caller.get(), "rest");
    }
}
