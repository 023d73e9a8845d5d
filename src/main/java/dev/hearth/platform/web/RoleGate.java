package dev.hearth.platform.web;

import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Public;
import dev.hearth.platform.security.Role;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the role each REST method declares with {@link Allow}. A method that declares none needs admin:
 * forgetting the annotation locks a route down rather than opening it. {@link Public} methods need no caller.
 */
public class RoleGate {

    public static Role required(Method method) {
        Allow allow = method.getAnnotation(Allow.class);
        if (allow == null) allow = method.getDeclaringClass().getAnnotation(Allow.class);
        return allow == null ? Role.ADMIN : allow.value();
    }

    public static boolean isPublic(Method method) {
        return method.isAnnotationPresent(Public.class)
                || method.getDeclaringClass().isAnnotationPresent(Public.class);
    }

    @ServerRequestFilter
    public void check(ResourceInfo resource, RoutingContext rc) {
        if (isPublic(resource.getResourceMethod())) return;
        Caller caller = rc.get(Caller.CONTEXT_KEY);
        if (caller == null) {
            throw new ApiException(
                    ErrorCode.UNAUTHORIZED,
                    "Authentication required: send X-API-Key, Authorization: Bearer, or log in");
        }
        Role required = required(resource.getResourceMethod());
        if (!caller.may(required)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "This needs the " + required.id() + " role; you have "
                            + caller.role().id(),
                    Map.of(
                            "required_role",
                            required.id(),
                            "your_role",
                            caller.role().id()));
        }
    }
}
