package dev.hearth.platform.security;

/** Who is asking, and how they proved it. {@code id} is stable: a key id, a user name, a proxy user. */
public record Caller(String id, String name, Role role, Method method) {
    /** Where the request gate leaves the caller for the rest of the request. */
    public static final String CONTEXT_KEY = "hearth.caller";

    public enum Method { API_KEY, BEARER, SESSION, FORWARD_AUTH, SYSTEM }

    public static Caller system(String name) {
        return new Caller("system:" + name, name, Role.ADMIN, Method.SYSTEM);
    }

    public boolean may(Role required) {
        return role.includes(required);
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
