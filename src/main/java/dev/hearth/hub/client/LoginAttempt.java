package dev.hearth.hub.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One login at one endpoint, and what its answer means. A form is posted first, since a JSON body to a form endpoint
 * can count as a failed login (qBittorrent reads no user from it and answers {@code Fails.}), while a JSON endpoint
 * refuses a form as such (400, 415, 422) without counting it; then JSON. The answer is read as:
 * 404, 405, 501 (or 400, 415 to both bodies) — no login here; 401, 403, 422 to JSON, {@code Fails.}, or JSON with {@code success: false} or an {@code error} and
 * no token — the credentials are refused; a token field in JSON (top level or under {@code data}) — a token, a JWT when
 * it has a JWT's three parts; a {@code Set-Cookie} — a session cookie; anything else — a page, not a login.
 */
final class LoginAttempt {
    static final List<String> TOKEN_FIELDS = List.of(
            "token",
            "jwt",
            "access_token",
            "accessToken",
            "id_token",
            "auth_token",
            "authToken",
            "session_token",
            "sessionToken");
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Set<Integer> ABSENT = Set.of(404, 405, 501);
    private static final Set<Integer> WRONG_FORMAT = Set.of(400, 415, 422);

    sealed interface Outcome {
        /** {@code json}: the body that was taken, so a renewal sends that one straight away. */
        record Token(String token, boolean jwt, boolean json) implements Outcome {
            @Override
            public String toString() {
                return "Token[jwt=" + jwt + ", json=" + json + "]";
            }
        }

        record Cookie(boolean json) implements Outcome {}

        record Refused(String why) implements Outcome {}

        record Absent(int status) implements Outcome {}
    }

    private LoginAttempt() {}

    /** {@code jsonKnown}: this endpoint took JSON before (a renewal), so the form is skipped. */
    static Outcome at(UpstreamClient http, String endpoint, String user, String password, boolean jsonKnown) {
        if (!jsonKnown) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("username", user);
            form.put("password", password);
            UpstreamResponse asForm = http.send(UpstreamRequest.post(
                            endpoint,
                            ApiBody.encode(form, true).getBytes(StandardCharsets.US_ASCII),
                            "application/x-www-form-urlencoded")
                    .withHeader("Accept", "application/json, text/plain, */*"));
            if (!WRONG_FORMAT.contains(asForm.status())) {
                return read(http, endpoint, asForm, false);
            }
        }
        ObjectNode json =
                JsonNodeFactory.instance.objectNode().put("username", user).put("password", password);
        UpstreamResponse asJson = http.send(
                UpstreamRequest.post(endpoint, json.toString().getBytes(StandardCharsets.UTF_8), "application/json")
                        .withHeader("Accept", "application/json"));
        if (asJson.status() == 422) {
            // JSON was taken and checked: Portainer answers 422 "Invalid credentials".
            return new Outcome.Refused("the login at " + endpoint + " refused the credentials (HTTP 422)");
        }
        if (WRONG_FORMAT.contains(asJson.status())) {
            return new Outcome.Absent(asJson.status());
        }
        return read(http, endpoint, asJson, true);
    }

    private static Outcome read(UpstreamClient http, String endpoint, UpstreamResponse r, boolean json) {
        int status = r.status();
        if (ABSENT.contains(status)) {
            return new Outcome.Absent(status);
        }
        if (status == 401 || status == 403) {
            return new Outcome.Refused("the login at " + endpoint + " refused the credentials (HTTP " + status + ")");
        }
        if (status >= 500) {
            // The service is failing, not refusing: a transient failure, never remembered as a refusal.
            throw new UpstreamException.HttpStatus(
                    http.name(), "the login at " + endpoint + " answered HTTP " + status, status, "");
        }
        boolean cookie = !r.headers().allValues("set-cookie").isEmpty();
        if (status >= 300) {
            return cookie ? new Outcome.Cookie(json) : new Outcome.Absent(status);
        }
        String text = r.text().strip();
        if (text.equals("Fails.")) {
            return new Outcome.Refused("the login at " + endpoint + " refused the credentials ('Fails.')");
        }
        if (text.startsWith("{")) {
            JsonNode body;
            try {
                body = r.json();
            } catch (UpstreamException.BadResponse notJson) {
                return cookie ? new Outcome.Cookie(json) : new Outcome.Absent(status);
            }
            String token = token(body);
            if (token == null && body.get("data") != null) {
                token = token(body.get("data"));
            }
            if (token != null) {
                return new Outcome.Token(token, JWT.matcher(token).matches(), json);
            }
            if (body.path("success").isBoolean() && !body.path("success").asBoolean() || hasText(body.get("error"))) {
                return new Outcome.Refused("the login at " + endpoint + " refused the credentials (HTTP " + status
                        + ", an error in its answer)");
            }
        }
        return cookie ? new Outcome.Cookie(json) : new Outcome.Absent(status);
    }

    private static @org.jspecify.annotations.Nullable String token(JsonNode node) {
        for (String field : TOKEN_FIELDS) {
            JsonNode v = node.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private static boolean hasText(@org.jspecify.annotations.Nullable JsonNode n) {
        return n != null
                && !n.isNull()
                && !(n.isTextual() && n.asText().isBlank())
                && !(n.isBoolean() && !n.asBoolean());
    }
}
