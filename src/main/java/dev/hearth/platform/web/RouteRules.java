package dev.hearth.platform.web;

import dev.hearth.platform.security.Public;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the request gate must know of a route before JAX-RS has matched it: whether it is {@link Public},
 * whether it is rate-limited, and how large a body it reads ({@link BodyLimit}; a file upload takes the
 * server's limit, every other route the JSON limit). Read once from the REST resources themselves, so
 * the platform names no feature's path and no list can drift from the code.
 */
@Singleton
public class RouteRules {
    /** {@code bodyLimit} 0: the route's default (JSON, or the server's for multipart uploads). */
    public record Rule(boolean isPublic, boolean rateLimited, long bodyLimit, boolean uploads) {
        static final Rule NONE = new Rule(false, true, 0, false);

        Rule merge(Rule other) {
            // Two methods on one path (JSON and multipart add): public only if both are, the larger explicit limit.
            return new Rule(
                    isPublic && other.isPublic,
                    rateLimited || other.rateLimited,
                    Math.max(bodyLimit, other.bodyLimit),
                    uploads || other.uploads);
        }
    }

    private static final List<Class<? extends Annotation>> VERBS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);

    private record Template(Pattern pattern, int literals, Rule rule) {}

    private record Table(Map<String, Rule> exact, Map<String, List<Template>> templates) {}

    private volatile @Nullable Table table;

    /** The rule of the route a request goes to; {@link Rule#NONE} for anything JAX-RS does not serve. */
    public Rule of(String method, String path) {
        String verb = method.equals("HEAD") ? "GET" : method;
        Table t = table();
        Rule exact = t.exact().get(verb + " " + path);
        if (exact != null) return exact;
        Template best = null;
        for (Template candidate : t.templates().getOrDefault(verb, List.of())) {
            if ((best == null || candidate.literals() > best.literals())
                    && candidate.pattern().matcher(path).matches()) best = candidate;
        }
        return best == null ? Rule.NONE : best.rule();
    }

    private Table table() {
        Table t = table;
        if (t == null) {
            t = scan();
            table = t;
        }
        return t;
    }

    private static Table scan() {
        Map<String, Rule> exact = new HashMap<>();
        Map<String, Map<String, Rule>> templated = new HashMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path base = type.getAnnotation(Path.class);
            if (base == null) continue;
            for (Method m : type.getMethods()) {
                for (Class<? extends Annotation> verb : VERBS) {
                    if (!m.isAnnotationPresent(verb)) continue;
                    Path sub = m.getAnnotation(Path.class);
                    String path = join(base.value(), sub == null ? "" : sub.value());
                    Rule rule = ruleOf(type, m);
                    String key = verb.getSimpleName();
                    if (path.contains("{")) {
                        templated.computeIfAbsent(key, k -> new HashMap<>()).merge(path, rule, Rule::merge);
                    } else {
                        exact.merge(key + " " + path, rule, Rule::merge);
                    }
                }
            }
        }
        Map<String, List<Template>> templates = new HashMap<>();
        templated.forEach((verb, paths) -> {
            List<Template> list = new ArrayList<>();
            paths.forEach((path, rule) -> list.add(
                    new Template(pattern(path), path.replaceAll("\\{[^}]*}", "").length(), rule)));
            templates.put(verb, List.copyOf(list));
        });
        return new Table(Map.copyOf(exact), Map.copyOf(templates));
    }

    private static Rule ruleOf(Class<?> type, Method m) {
        Public pub = m.getAnnotation(Public.class) != null
                ? m.getAnnotation(Public.class)
                : type.getAnnotation(Public.class);
        BodyLimit limit = m.getAnnotation(BodyLimit.class);
        Consumes consumes = m.getAnnotation(Consumes.class) != null
                ? m.getAnnotation(Consumes.class)
                : type.getAnnotation(Consumes.class);
        boolean uploads = consumes != null
                && Arrays.stream(consumes.value()).anyMatch(c -> c.startsWith(MediaType.MULTIPART_FORM_DATA));
        return new Rule(pub != null, pub == null || pub.rateLimited(), limit == null ? 0 : limit.value(), uploads);
    }

    /** {@code /api/v1/services/{name}} → a pattern where each {@code {…}} is one path segment (or its own regex). */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            regex.append(Pattern.quote(template.substring(i, open)));
            int close = template.indexOf('}', open);
            String inside = template.substring(open + 1, close);
            int colon = inside.indexOf(':');
            regex.append(
                    colon < 0 ? "[^/]+" : "(?:" + inside.substring(colon + 1).trim() + ")");
            i = close + 1;
        }
        return Pattern.compile(regex + "/?");
    }

    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
