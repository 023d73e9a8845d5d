package dev.hearth.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.system.AccountActions;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * Browser users beyond the first admin ({@code /api/v1/users} is the seed's per-user download statistics,
 * hence {@code accounts}). Every change is an action of the catalog: role-checked and audited.
 */
@Path("/api/v1/accounts")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {
    private final UserService users;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public AccountsResource(UserService users, ActionCatalog actions, CurrentCaller caller) {
        this.users = users;
        this.actions = actions;
        this.caller = caller;
    }

    /** The request bodies, for the OpenAPI document; the actions check the same fields. */
    public record NewAccount(String username, String password, String role) {}

    public record RoleChange(String role) {}

    public record PasswordReset(String password) {}

    /** Every browser user, oldest first. */
    public record AccountList(List<AccountActions.AccountView> accounts, int total) {}

    @GET
    @Allow(Role.ADMIN)
    public AccountList list() {
        List<AccountActions.AccountView> all =
                users.list().stream().map(AccountActions::view).toList();
        return new AccountList(all, all.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = NewAccount.class))) JsonNode body) {
        return Response.status(201)
                .entity(actions.invoke("accounts.create", body, caller.get(), "rest"))
                .build();
    }

    @PATCH
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Record setRole(
            @PathParam("username") String username,
            @RequestBody(content = @Content(schema = @Schema(implementation = RoleChange.class))) @Nullable
                    JsonNode body) {
        return actions.invoke("accounts.set_role", withUser(body, username), caller.get(), "rest");
    }

    @POST
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    public Record resetPassword(
            @PathParam("username") String username,
            @RequestBody(content = @Content(schema = @Schema(implementation = PasswordReset.class))) @Nullable
                    JsonNode body) {
        return actions.invoke("accounts.reset_password", withUser(body, username), caller.get(), "rest");
    }

    @DELETE
    @Path("/{username}")
    @Allow(Role.ADMIN)
    public Record delete(@PathParam("username") String username) {
        return actions.invoke("accounts.delete", withUser(null, username), caller.get(), "rest");
    }

    /** The body's fields plus the user named in the path (a body naming another user is refused, not ignored). */
    private static JsonNode withUser(@Nullable JsonNode body, String username) {
        if (body != null && !body.isNull() && !body.isObject())
            throw new ApiException(ErrorCode.INVALID_INPUT, "Send a JSON object");
        ObjectNode params =
                body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) body.deepCopy();
        if (params.has("username"))
            throw ApiException.invalid("username", "is taken from the path; leave it out of the body");
        return params.put("username", username);
    }
}
