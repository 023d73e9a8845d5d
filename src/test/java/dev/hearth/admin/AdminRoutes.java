package dev.hearth.admin;

import dev.hearth.admin.api.RemoteAdminResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Every route of remote administration, read from its resource, and a way to call each with placeholder values. */
final class AdminRoutes {
    private static final Map<Class<? extends Annotation>, String> VERBS =
            Map.of(GET.class, "GET", POST.class, "POST", DELETE.class, "DELETE");

    private AdminRoutes() {}

    static List<String> all() {
        TreeSet<String> routes = new TreeSet<>();
        String base = RemoteAdminResource.class.getAnnotation(Path.class).value();
        for (Method m : RemoteAdminResource.class.getDeclaredMethods()) {
            Path sub = m.getAnnotation(Path.class);
            VERBS.forEach((verb, name) -> {
                if (m.isAnnotationPresent(verb)) routes.add(name + " " + base + (sub == null ? "" : sub.value()));
            });
        }
        return List.copyOf(routes);
    }

    static Response call(RequestSpecification spec, String route) {
        String verb = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
        RequestSpecification s = spec.contentType(ContentType.JSON);
        return switch (verb) {
            case "GET" -> s.get(path);
            case "POST" -> s.body("{}").post(path);
            default -> s.delete(path);
        };
    }
}
