package dev.hearth.web;

import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Public;
import dev.hearth.platform.security.Role;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this Hearth answers, read from its own REST resources: {@code "POST /api/v1/services/{name}/restart" -> "operator"}.
 * The dashboard shows a section only when its route exists (an honest "not available" instead of a 404 in the
 * console), and disables a control when the caller's role is below the route's {@link Allow}, before any click.
 */
final class RouteTable {
    private static final List<Class<? extends Annotation>> VERBS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);
    private static final String WEBSOCKET = "io.quarkus.websockets.next.WebSocket";

    private RouteTable() {}

    /** Every REST route of the application with the least role it needs, plus {@code "WS /path"} for WebSocket endpoints. */
    static Map<String, String> scan() {
        Map<String, String> routes = new TreeMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            for (Annotation a : type.getAnnotations()) {
                if (a.annotationType().getName().equals(WEBSOCKET)) {
                    routes.put("WS " + websocketPath(a), Role.VIEWER.id());
                }
            }
            Path base = type.getAnnotation(Path.class);
            if (base == null) continue;
            Allow classAllow = type.getAnnotation(Allow.class);
            boolean classPublic = type.isAnnotationPresent(Public.class);
            for (Method m : type.getMethods()) {
                for (Class<? extends Annotation> verb : VERBS) {
                    if (!m.isAnnotationPresent(verb)) continue;
                    Path sub = m.getAnnotation(Path.class);
                    Allow allow = m.getAnnotation(Allow.class) != null ? m.getAnnotation(Allow.class) : classAllow;
                    String path = join(base.value(), sub == null ? "" : sub.value());
                    // no @Allow means admin (the role gate fails closed); the table says what the gate does
                    String role = classPublic || m.isAnnotationPresent(Public.class)
                            ? "public"
                            : allow == null ? Role.ADMIN.id() : allow.value().id();
                    routes.put(verb.getSimpleName() + " " + path, role);
                }
            }
        }
        return routes;
    }

    private static String websocketPath(Annotation a) {
        try {
            return String.valueOf(a.annotationType().getMethod("path").invoke(a));
        } catch (ReflectiveOperationException e) {
            return "/ws";
        }
    }

    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        // JAX-RS templates may carry a regex: {id: [0-9]+} -> {id}
        path = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
