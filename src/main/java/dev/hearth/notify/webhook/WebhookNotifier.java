package dev.hearth.notify.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.notify.HttpOutcomes;
import dev.hearth.notify.Notification;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.Outcome;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs the notification as JSON. With a secret, {@code X-Hearth-Signature: sha256=<hex>} is the HMAC-SHA256 of
 * the raw body (GitHub's scheme), so the receiver can check it came from this Hearth; the body carries the time,
 * which lets a receiver refuse old replays, and {@code dedup_key} for the receiver's own de-duplication.
 */
final class WebhookNotifier implements Notifier {
    static final String SIGNATURE_HEADER = "X-Hearth-Signature";

    private final UpstreamClient client;
    private final String path;
    private final String secret;
    private final ObjectMapper json;

    WebhookNotifier(UpstreamClient client, String path, String secret, ObjectMapper json) {
        this.client = client;
        this.path = path;
        this.secret = secret;
        this.json = json;
    }

    @Override
    public List<String> destinations() {
        return List.of("url");
    }

    @Override
    public Outcome send(String destination, Notification n, String part) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("level", n.level().id());
        payload.put("title", n.title());
        payload.put("message", n.message());
        payload.put("source", n.source());
        payload.put("dedup_key", n.dedupKey());
        payload.put("time", n.time().toString());
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Outcome.Permanent("cannot write the message as JSON");
        }
        UpstreamRequest request = UpstreamRequest.post(path, body, "application/json");
        if (!secret.isEmpty()) request = request.withHeader(SIGNATURE_HEADER, "sha256=" + sign(secret, body));
        return HttpOutcomes.send(client, request, r -> OptionalDouble.empty(), r -> HttpOutcomes.excerpt(r, 200));
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
