package dev.hearth.graphql;

import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The caller of a GraphQL operation, as the request gate authenticated the HTTP request or the WebSocket
 * upgrade, held to a role the way {@link dev.hearth.platform.web.RoleGate} holds a REST route: the same
 * message, code and details, so a client tells no difference between the doors.
 */
@Singleton
public class GraphCallers {
    private final CurrentCaller current;

    public GraphCallers(CurrentCaller current) {
        this.current = current;
    }

    public Caller require(Role role) {
        Caller caller = current.get();
        if (!caller.may(role)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "This needs the " + role.id() + " role; you have "
                            + caller.role().id(),
                    Map.of(
                            "required_role",
                            role.id(),
                            "your_role",
                            caller.role().id()));
        }
        return caller;
    }
}
