package dev.hearth.cli.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.cli.CommandContext;
import dev.hearth.platform.config.HearthConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The Hearth this machine runs, as a subcommand reaches it: on loopback at its configured port, with the API key in
 * {@code HEARTH_API_KEY} (never an argument, which {@code ps} would show).
 */
final class RunningHearth {
    static final String KEY_VARIABLE = "HEARTH_API_KEY";

    private final URI base;
    private final String key;
    private final ObjectMapper json = new ObjectMapper();

    private RunningHearth(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    static Optional<RunningHearth> of(HearthConfig config, CommandContext context) {
        return context.environment()
                .env()
                .apply(KEY_VARIABLE)
                .filter(k -> !k.isBlank())
                .map(k -> new RunningHearth(
                        URI.create(
                                "http://" + host(config) + ":" + config.server().port()),
                        k));
    }

    /** Whether something answers on Hearth's port (a rotation must not run beside a Hearth holding the old key). */
    static boolean listening(HearthConfig config) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host(config), config.server().port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String host(HearthConfig config) {
        String h = config.server().host();
        return h.isBlank() || h.equals("0.0.0.0") || h.equals("::") ? "127.0.0.1" : h;
    }

    /** POSTs to the running Hearth; the answer's JSON and status. */
    Answer post(String path, Duration timeout) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(timeout)
                            .header("X-API-Key", key)
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = json.readTree(r.body());
            } catch (IOException notJson) {
                body = json.createObjectNode();
            }
            return new Answer(r.statusCode(), body == null ? json.createObjectNode() : body);
        }
    }

    record Answer(int status, JsonNode body) {
        String error() {
            return body.path("error").path("message").asText("HTTP " + status);
        }
    }

    static String noKey() {
        return "set " + KEY_VARIABLE
                + " to an operator's API key (Settings → API keys) so the command can ask the running Hearth";
    }
}
