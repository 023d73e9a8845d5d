package dev.hearth.services.discovery;

import dev.hearth.services.docker.ContainerSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which containers are services, from labels a stack may already carry, in this order:
 * {@code hearth.enable=true} with {@code hearth.name/group/url/integration/icon}; Homepage's
 * {@code homepage.name/group/href/icon/widget.type}; a Traefik router's {@code Host(...)} rule; and, for
 * containers with none of those, Traefik's own router list (its defaultRule puts no label on them).
 * {@code hearth.enable=false} opts a container out of all of it.
 */
public final class LabelDiscovery {
    private static final Pattern HOST = Pattern.compile("Host\\(\\s*[`\"']([^`\"']+)[`\"']");
    private static final Pattern ROUTER_RULE = Pattern.compile("traefik\\.http\\.routers\\.([^.]+)\\.rule");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private LabelDiscovery() {}

    /**
     * @param containers   every endpoint's containers
     * @param routers      Traefik's routers, empty when no Traefik API is configured
     * @param taken        names of services already configured in hearth.yml
     * @param integrations integration ids Hearth knows (a Homepage widget type that matches one is used)
     */
    public static DiscoveryReport scan(
            Map<String, List<ContainerSummary>> containers,
            List<TraefikRouter> routers,
            Set<String> taken,
            Set<String> integrations) {
        List<DiscoveredService> found = new ArrayList<>();
        List<SkippedContainer> skipped = new ArrayList<>();
        Set<String> names = new HashSet<>(taken);
        new TreeMap<>(containers).forEach((endpoint, list) -> {
            for (ContainerSummary c : list) {
                String container = c.names().isEmpty()
                        ? c.id().substring(0, Math.min(12, c.id().length()))
                        : c.names().getFirst();
                Map<String, String> l = c.labels();
                if ("false".equalsIgnoreCase(l.get("hearth.enable"))) {
                    skipped.add(new SkippedContainer(endpoint, container, "hearth.enable=false"));
                    continue;
                }
                Optional<DiscoveredService> d = fromHearth(endpoint, container, l, integrations)
                        .or(() -> fromHomepage(endpoint, container, l, integrations))
                        .or(() -> fromTraefikLabels(endpoint, container, l))
                        .or(() -> fromTraefikApi(endpoint, container, l, routers));
                if (d.isEmpty()) {
                    skipped.add(
                            new SkippedContainer(
                                    endpoint,
                                    container,
                                    l.containsKey("hearth.enable")
                                            ? "hearth.enable is '" + l.get("hearth.enable") + "', not true"
                                            : "no hearth.*, homepage.* or traefik router labels, and no Traefik router for it"));
                    continue;
                }
                DiscoveredService s = d.get();
                if (!NAME.matcher(s.name()).matches()) {
                    skipped.add(new SkippedContainer(
                            endpoint,
                            container,
                            "name '" + s.name() + "' (from " + s.source()
                                    + " labels) is not a valid service name: lower-case letters, digits, - or _"));
                } else if (taken.contains(s.name())) {
                    skipped.add(new SkippedContainer(
                            endpoint, container, "name '" + s.name() + "' is already configured in hearth.yml"));
                } else if (!names.add(s.name())) {
                    skipped.add(new SkippedContainer(
                            endpoint, container, "name '" + s.name() + "' was already found on another container"));
                } else {
                    found.add(s);
                }
            }
        });
        return new DiscoveryReport(found, skipped, List.of());
    }

    private static Optional<DiscoveredService> fromHearth(
            String endpoint, String container, Map<String, String> l, Set<String> integrations) {
        if (!"true".equalsIgnoreCase(l.get("hearth.enable"))) return Optional.empty();
        String name = l.getOrDefault("hearth.name", slug(container));
        String integration = l.getOrDefault("hearth.integration", "http");
        return Optional.of(new DiscoveredService(
                name,
                l.getOrDefault("hearth.display_name", name),
                l.getOrDefault("hearth.group", ""),
                l.getOrDefault("hearth.icon", ""),
                l.getOrDefault("hearth.url", ""),
                integration,
                endpoint,
                container,
                "hearth"));
    }

    private static Optional<DiscoveredService> fromHomepage(
            String endpoint, String container, Map<String, String> l, Set<String> integrations) {
        if (l.keySet().stream().noneMatch(k -> k.startsWith("homepage."))) return Optional.empty();
        String display = l.getOrDefault("homepage.name", container);
        String widget = l.getOrDefault("homepage.widget.type", "").toLowerCase(Locale.ROOT);
        return Optional.of(new DiscoveredService(
                slug(display),
                display,
                l.getOrDefault("homepage.group", ""),
                l.getOrDefault("homepage.icon", ""),
                l.getOrDefault("homepage.href", ""),
                integrations.contains(widget) ? widget : "http",
                endpoint,
                container,
                "homepage"));
    }

    private static Optional<DiscoveredService> fromTraefikLabels(
            String endpoint, String container, Map<String, String> l) {
        for (Map.Entry<String, String> e : new TreeMap<>(l).entrySet()) {
            Matcher r = ROUTER_RULE.matcher(e.getKey());
            if (!r.matches()) continue;
            Matcher h = HOST.matcher(e.getValue());
            if (!h.find()) continue;
            String router = r.group(1);
            boolean tls = "true".equalsIgnoreCase(l.get("traefik.http.routers." + router + ".tls"))
                    || l.containsKey("traefik.http.routers." + router + ".tls.certresolver")
                    || l.getOrDefault("traefik.http.routers." + router + ".entrypoints", "")
                            .contains("websecure");
            String name = slug(composeService(l).orElse(container));
            return Optional.of(new DiscoveredService(
                    name,
                    name,
                    "",
                    "",
                    (tls ? "https://" : "http://") + h.group(1),
                    "http",
                    endpoint,
                    container,
                    "traefik"));
        }
        return Optional.empty();
    }

    /** Traefik's default router for a container is named after it (or its compose service and project). */
    private static Optional<DiscoveredService> fromTraefikApi(
            String endpoint, String container, Map<String, String> l, List<TraefikRouter> routers) {
        Set<String> candidates = new HashSet<>();
        candidates.add(container);
        composeService(l).ifPresent(s -> {
            candidates.add(s);
            candidates.add(s + "-" + l.getOrDefault("com.docker.compose.project", ""));
        });
        for (TraefikRouter r : routers) {
            String base =
                    r.name().contains("@") ? r.name().substring(0, r.name().indexOf('@')) : r.name();
            if (!r.provider().equals("docker") || !(candidates.contains(base) || candidates.contains(r.service())))
                continue;
            Matcher h = HOST.matcher(r.rule());
            if (!h.find()) continue;
            String name = slug(composeService(l).orElse(container));
            return Optional.of(new DiscoveredService(
                    name,
                    name,
                    "",
                    "",
                    (r.tls() ? "https://" : "http://") + h.group(1),
                    "http",
                    endpoint,
                    container,
                    "traefik-api"));
        }
        return Optional.empty();
    }

    private static Optional<String> composeService(Map<String, String> l) {
        return Optional.ofNullable(l.get("com.docker.compose.service"));
    }

    /** "Plex Media Server" → "plex-media-server": a name that works in a URL. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return s.length() > 63 ? s.substring(0, 63) : s;
    }
}
