package dev.hearth.hub.proxy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which calls a service's proxy lets through (Homepage's model: a service declares what may be asked of it, and
 * anything else is refused). Empty means every path under the base. A rule is written {@code "GET /api/v3/system/status"},
 * {@code "GET,POST /api/v2/torrents/*"} or {@code "* /api/**"}: methods (or {@code *}), then a path whose {@code *}
 * stands for one segment and a final {@code **} for any rest. Rules are matched against the decoded segments the
 * proxy checked, case-sensitively: a differently-cased path is simply not on the list.
 */
public record AllowList(List<Rule> rules) {
    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public record Rule(Set<String> methods, List<String> pattern) {
        public Rule {
            methods = Set.copyOf(methods);
            pattern = List.copyOf(pattern);
        }

        boolean matches(String method, List<String> segments) {
            if (!methods.contains("*") && !methods.contains(method)) {
                return false;
            }
            for (int i = 0; i < pattern.size(); i++) {
                String p = pattern.get(i);
                if (p.equals("**") && i == pattern.size() - 1) {
                    return true;
                }
                if (i >= segments.size() || !(p.equals("*") || p.equals(segments.get(i)))) {
                    return false;
                }
            }
            return pattern.size() == segments.size();
        }

        @Override
        public String toString() {
            return String.join(",", methods) + " /" + String.join("/", pattern);
        }
    }

    public AllowList {
        rules = List.copyOf(rules);
    }

    /** No list: every path under the base (the door still asks the operator role for anything but GET). */
    public static AllowList everything() {
        return new AllowList(List.of());
    }

    /** Rules as written in a service's settings; a malformed one is refused with its text. */
    public static AllowList parse(List<String> written) {
        List<Rule> rules = new ArrayList<>();
        for (String line : written) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException(
                        "an allow-list rule is 'METHODS /path', e.g. 'GET /api/status': '" + line + "'");
            }
            Set<String> methods = new LinkedHashSet<>();
            for (String m : parts[0].toUpperCase(Locale.ROOT).split(",")) {
                if (!m.equals("*") && !METHODS.contains(m)) {
                    throw new IllegalArgumentException("unknown method '" + m + "' in allow-list rule '" + line + "'");
                }
                methods.add(m);
            }
            String path = parts[1].substring(1);
            List<String> pattern = path.isEmpty() ? List.of() : Arrays.asList(path.split("/", -1));
            for (int i = 0; i < pattern.size(); i++) {
                String seg = pattern.get(i);
                if (seg.isEmpty() && i == pattern.size() - 1) {
                    pattern = pattern.subList(0, i); // a trailing slash in a rule means the same path
                    break;
                }
                if (seg.isEmpty()
                        || seg.equals(".")
                        || seg.equals("..")
                        || (seg.equals("**") && i != pattern.size() - 1)) {
                    throw new IllegalArgumentException(
                            "allow-list rule '" + line + "': empty, '.' or '..' segment, or '**' not last");
                }
            }
            rules.add(new Rule(methods, pattern));
        }
        return new AllowList(rules);
    }

    public boolean isEverything() {
        return rules.isEmpty();
    }

    public boolean permits(String method, ConfinedPath path) {
        return rules.isEmpty() || rules.stream().anyMatch(r -> r.matches(method, path.segments()));
    }
}
