package dev.hearth.mcp.api;

import dev.hearth.platform.security.Caller;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions of the 2025 protocols ({@code Mcp-Session-Id}), in memory: each bound to the caller that opened it (another
 * key presenting the id gets 404, as for an unknown one), forgotten after an hour idle, at most 1000 at once.
 */
@Singleton
public class McpSessions {
    static final Duration IDLE = Duration.ofHours(1);
    private static final int MAX = 1000;

    public record Session(String id, String callerId, String version, Instant lastSeen) {}

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > MAX;
        }
    };

    public McpSessions(Clock clock) {
        this.clock = clock;
    }

    public synchronized Session open(Caller caller, String version) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        Session s = new Session(HexFormat.of().formatHex(b), caller.id(), version, clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The caller's live session with that id; empty for an unknown, expired or someone else's. */
    public synchronized Optional<Session> find(String id, Caller caller) {
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (s.lastSeen().plus(IDLE).isBefore(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        if (!s.callerId().equals(caller.id())) return Optional.empty();
        Session seen = new Session(s.id(), s.callerId(), s.version(), clock.instant());
        sessions.put(id, seen);
        return Optional.of(seen);
    }

    public synchronized boolean close(String id, Caller caller) {
        Session s = sessions.get(id);
        if (s == null || !s.callerId().equals(caller.id())) return false;
        sessions.remove(id);
        return true;
    }
}
