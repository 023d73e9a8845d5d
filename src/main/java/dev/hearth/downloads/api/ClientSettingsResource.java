package dev.hearth.downloads.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.downloads.ClientLimits;
import dev.hearth.downloads.TransferActions;
import dev.hearth.downloads.TransferControls;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
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
 * A download client's speed caps and running-downloads limit, as its daemon reports them (issue 15's seed
 * fields: Moccha's {@code max_download_speed}, MLTB's {@code maxConcurrentDownloads}). Changes go through the
 * action catalog.
 */
@Path("/api/v1/downloads/clients/{client}/settings")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class ClientSettingsResource {
    private final TransferControls transfers;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public ClientSettingsResource(TransferControls transfers, ActionCatalog actions, CurrentCaller caller) {
        this.transfers = transfers;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Allow(Role.VIEWER)
    public ClientLimits get(@PathParam("client") String client) {
        return transfers.client(client);
    }

    /** {@code {"max_download_speed": 1000, "max_upload_speed": 0, "max_active_downloads": 3}}; absent fields stay. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public ClientLimits configure(@PathParam("client") String client, @Nullable JsonNode body) {
        return (ClientLimits)
                actions.invoke(TransferActions.CONFIGURE_CLIENT, withKey(body, "client", client), caller.get(), "rest");
    }

    /** The body's fields plus the one the path names; a body that names it too is refused, not overridden. */
    static ObjectNode withKey(@Nullable JsonNode body, String key, String value) {
        if (body != null && !body.isNull() && !body.isObject())
            throw ApiException.invalid("body", "must be a JSON object");
        ObjectNode params = body instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (params.has(key)) throw ApiException.invalid(key, "is given by the path; leave it out of the body");
        params.put(key, value);
        return params;
    }
}
