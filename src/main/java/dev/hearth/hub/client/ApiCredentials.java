package dev.hearth.hub.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a service's caller may present: a user name and password, an API key, a token; any of them may be absent.
 * {@code toString} says which are set, never their values. The field names are the vault's
 * ({@code username}, {@code password}, {@code api_key}, {@code token}).
 */
public record ApiCredentials(
        @Nullable String username,
        @Nullable String password,
        @Nullable String apiKey,
        @Nullable String token) {

    public ApiCredentials {
        username = blankToNull(username);
        password = blankToNull(password);
        apiKey = blankToNull(apiKey);
        token = blankToNull(token);
    }

    public static ApiCredentials none() {
        return new ApiCredentials(null, null, null, null);
    }

    public static ApiCredentials login(String username, String password) {
        return new ApiCredentials(username, password, null, null);
    }

    public static ApiCredentials apiKey(String key) {
        return new ApiCredentials(null, null, key, null);
    }

    public static ApiCredentials token(String token) {
        return new ApiCredentials(null, null, null, token);
    }

    /** From a service's credential fields (the vault's or hearth.yml's); other fields are not credentials of this client. */
    public static ApiCredentials fromFields(Map<String, String> fields) {
        return new ApiCredentials(
                fields.get("username"), fields.get("password"), fields.get("api_key"), fields.get("token"));
    }

    public boolean hasLogin() {
        return username != null && password != null;
    }

    public boolean isEmpty() {
        return username == null && password == null && apiKey == null && token == null;
    }

    /** The values that must never appear in an answer or a log (the user name is not secret). */
    public List<String> secrets() {
        List<String> out = new ArrayList<>(3);
        if (password != null) out.add(password);
        if (apiKey != null) out.add(apiKey);
        if (token != null) out.add(token);
        return out;
    }

    @Override
    public String toString() {
        return "ApiCredentials[username=" + (username == null ? "-" : username) + ", password="
                + (password == null ? "-" : "***") + ", apiKey=" + (apiKey == null ? "-" : "***") + ", token="
                + (token == null ? "-" : "***") + "]";
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
