package dev.hearth.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a program Hearth starts (a supervised service, the compose CLI) begins with: PATH, HOME,
 * LANG and TZ from Hearth's own, then the program's own variables — never the rest of Hearth's environment,
 * which holds {@code HEARTH_ADMIN_API_KEY}, the database password and every {@code ${VAR}} secret of hearth.yml.
 */
public final class ChildEnvironment {
    /** The only variables of Hearth's environment a child inherits. */
    public static final List<String> PASSED = List.of("PATH", "HOME", "LANG", "TZ");
    /** When Hearth itself runs without a PATH (a bare systemd unit), the child still finds its programs. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ChildEnvironment() {}

    /** PATH, HOME, LANG and TZ of {@code parent}, then {@code own} (which wins). */
    public static Map<String, String> of(Map<String, String> parent, Map<String, String> own) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : PASSED) {
            String value = parent.get(name);
            if (value != null) env.put(name, value);
        }
        env.putIfAbsent("PATH", DEFAULT_PATH);
        env.putAll(own);
        return env;
    }

    /** Replaces the builder's environment (a copy of Hearth's) with the minimal one. */
    public static ProcessBuilder apply(ProcessBuilder builder, Map<String, String> parent, Map<String, String> own) {
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(of(parent, own));
        return builder;
    }
}
