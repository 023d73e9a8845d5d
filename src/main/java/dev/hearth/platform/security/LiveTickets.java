package dev.hearth.platform.security;

import dev.hearth.platform.config.ConfigService;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets for WebSocket clients that cannot set headers (a browser's {@code new WebSocket()}):
 * an authenticated caller asks for one, then connects with {@code ?ticket=}. A ticket works once and
 * for {@code monitoring.live.ticket_ttl}; only its hash is kept, so a heap dump does not leak live ones.
 */
@Singleton
public class LiveTickets {
    private record Issued(Caller caller, long expiresAt) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tickets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public LiveTickets(Clock clock, ConfigService config) {
        this.clock = clock;
        this.ttl = config.current()
                .section(dev.hearth.platform.live.LiveSettings.class)
                .ticketTtl();
    }

    public record Ticket(String ticket, long expiresInSeconds) {}

    public Ticket issue(Caller caller) {
        long now = clock.millis();
        tickets.values()
                .removeIf(i -> i.expiresAt() < now); // expired ones go whenever a new one is made: the map stays small
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String ticket = "wst_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(Tokens.sha256(ticket), new Issued(caller, now + ttl.toMillis()));
        return new Ticket(ticket, ttl.toSeconds());
    }

    /** Whether the ticket would be redeemed now; the upgrade request is let through on this, the socket redeems it. */
    public boolean valid(String ticket) {
        Issued i = tickets.get(Tokens.sha256(ticket));
        return i != null && i.expiresAt() >= clock.millis();
    }

    /** The caller the ticket was issued to, once; a used, unknown or expired ticket gives nothing. */
    public Optional<Caller> redeem(String ticket) {
        Issued i = tickets.remove(Tokens.sha256(ticket));
        return i == null || i.expiresAt() < clock.millis() ? Optional.empty() : Optional.of(i.caller());
    }
}
