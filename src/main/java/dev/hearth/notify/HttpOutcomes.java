package dev.hearth.notify;

import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The mapping every HTTP channel shares: 2xx sent, 429 throttled, 408/5xx/no answer transient, other 4xx permanent. */
public final class HttpOutcomes {
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private HttpOutcomes() {}

    /**
     * Sends once and maps the answer. {@code retryAfter} reads a 429 body's hint (Telegram's
     * {@code parameters.retry_after}, Discord's {@code retry_after}) in seconds; the {@code Retry-After} header is the fallback.
     * {@code describe} turns a refusal into a reason a person can act on; it must not quote secrets.
     */
    public static Outcome send(
            UpstreamClient client,
            UpstreamRequest request,
            Function<UpstreamResponse, OptionalDouble> retryAfter,
            Function<UpstreamResponse, String> describe) {
        UpstreamResponse r;
        try {
            r = client.send(request);
        } catch (UpstreamException e) {
            // Messages of the stack name upstream, method and path only; channels keep secrets out of the path.
            return new Outcome.Transient(e.reason() + ": " + e.getMessage());
        }
        int status = r.status();
        if (r.isSuccess()) return Outcome.sent();
        if (status == 429) {
            OptionalDouble seconds = retryAfter.apply(r);
            if (seconds.isEmpty())
                seconds =
                        r.header("Retry-After").map(HttpOutcomes::parseSeconds).orElse(OptionalDouble.empty());
            return new Outcome.Throttled(
                    seconds.isPresent()
                            ? Duration.ofMillis((long) Math.ceil(seconds.getAsDouble() * 1000))
                            : DEFAULT_RETRY_AFTER);
        }
        String reason = "HTTP " + status + ": " + describe.apply(r);
        return status == 408 || status >= 500 ? new Outcome.Transient(reason) : new Outcome.Permanent(reason);
    }

    private static OptionalDouble parseSeconds(String s) {
        try {
            return OptionalDouble.of(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The first {@code max} characters of an upstream's answer on one line, for a failure reason. */
    public static String excerpt(UpstreamResponse r, int max) {
        String s = r.text().replaceAll("\\s+", " ").strip();
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
