package dev.hearth.fakes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver of Hearth's generic webhook, checking it as a careful receiver would: POST of JSON to its path, and
 * {@code X-Hearth-Signature: sha256=<hex>} equal (in constant time) to the HMAC-SHA256 of the raw body under the
 * shared secret; anything else is a 401. Scripted answers let a test make it fail for a while.
 */
public final class FakeWebhook extends FakeHttp {
    private final String path;
    private final String secret;
    private final Deque<Integer> scripted = new ArrayDeque<>();
    public final List<Request> accepted = new CopyOnWriteArrayList<>();

    public FakeWebhook(String path, String secret) throws IOException {
        this.path = path;
        this.secret = secret;
    }

    public String hookUrl() {
        return url() + path;
    }

    /** The next {@code times} deliveries get {@code status}. */
    public synchronized void failNext(int times, int status) {
        for (int i = 0; i < times; i++) scripted.add(status);
    }

    @Override
    protected synchronized Reply handle(Request r) {
        if (!r.path().equals(path)) return new Reply(404, "text/plain", "no such hook");
        if (!r.method().equals("POST")) return new Reply(405, "text/plain", "POST only");
        if (r.header("Content-Type") == null
                || !r.header("Content-Type").startsWith("application/json")
                || !r.json().isObject()) {
            return new Reply(400, "text/plain", "JSON object expected");
        }
        if (!secret.isEmpty() && !validSignature(r)) return new Reply(401, "text/plain", "bad signature");
        if (!scripted.isEmpty()) return new Reply(scripted.removeFirst(), "text/plain", "scripted failure");
        accepted.add(r);
        return Reply.json(200, Map.of("received", true));
    }

    private boolean validSignature(Request r) {
        String header = r.header("X-Hearth-Signature");
        if (header == null || !header.startsWith("sha256=")) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal(r.body());
            byte[] given = HexFormat.of().parseHex(header.substring("sha256=".length()));
            return MessageDigest.isEqual(expected, given);
        } catch (Exception e) {
            return false;
        }
    }
}
