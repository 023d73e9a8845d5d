package dev.hearth.platform.security;

/**
 * Who is asking, and how they proved it. {@code id} is stable: a key id, a user name, a proxy user.
 * {@code credential} names the very credential used ({@code key:12}, {@code session:34}; empty for
 * forward-auth and the system), so what outlives the request, a live socket, can ask whether it still holds.
 */
public record Caller(String id, String name, Role role, Method method, String credential) {
    /** Where the request gate leaves the caller for the rest of the request. */
    public static final String CONTEXT_KEY = "hearth.caller";

    public enum Method {
        API_KEY,
        BEARER,
        SESSION,
        FORWARD_AUTH,
        SYSTEM
    }

    public Caller(String id, String name, Role role, Method method) {
        this(id, name, role, method, "");
    }

    public static Caller system(String name) {
        return new Caller("system:" + name, name, Role.ADMIN, Method.SYSTEM);
    }

    public boolean may(Role required) {
        return role.includes(required);
    }

    /** Whether the browser sends this credential by itself (a cookie, a proxy's login): such callers are CSRF-checked. */
    public boolean ambient() {
        return method == Method.SESSION || method == Method.FORWARD_AUTH;
    }

    /** The name that audit entries and per-user stats carry. */
    public String label() {
        return switch (method) {
            case API_KEY, BEARER -> "key:" + name;
            case SESSION -> "user:" + name;
            case FORWARD_AUTH -> "proxy:" + name;
            case SYSTEM -> id;
        };
    }
}
