package dev.hearth.platform.security;

import dev.hearth.platform.config.AddressRange;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns a request's credentials into a {@link Caller}: {@code X-API-Key}, then {@code Authorization: Bearer},
 * then forward-auth headers (only from a trusted proxy), then the session cookie. Memory only: it runs
 * on the event loop for every request.
 */
@Singleton
public class Authenticator {

    public sealed interface Result {
        record Anonymous() implements Result {}

        record Authenticated(Caller caller, SessionService.@Nullable Session session) implements Result {}

        record Rejected(String message) implements Result {}
    }

    private final ApiKeyService keys;
    private final SessionService sessions;
    private final ConfigService config;

    public Authenticator(ApiKeyService keys, SessionService sessions, ConfigService config) {
        this.keys = keys;
        this.sessions = sessions;
        this.config = config;
    }

    /** @param header request header by name; {@code sessionCookie} the session cookie's value if sent */
    public Result authenticate(Function<String, @Nullable String> header, @Nullable String sessionCookie, String peerAddress) {
        String apiKey = header.apply("X-API-Key");
        if (apiKey != null && !apiKey.isBlank()) {
            return byKey(apiKey.trim(), Caller.Method.API_KEY);
        }
        String authorization = header.apply("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return new Result.Rejected("Authorization must be 'Bearer <api key>'");
            }
            return byKey(authorization.substring(7).trim(), Caller.Method.BEARER);
        }
        HearthConfig.Security security = config.current().security();
        HearthConfig.ForwardAuth fa = security.forwardAuth();
        String remoteUser = header.apply(fa.userHeader());
        if (fa.enabled() && remoteUser != null && !remoteUser.isBlank() && isTrustedProxy(peerAddress)) {
            return new Result.Authenticated(new Caller("proxy:" + remoteUser, remoteUser, roleFromGroups(fa, header.apply(fa.groupsHeader())),
                    Caller.Method.FORWARD_AUTH), null);
        }
        if (sessionCookie != null && !sessionCookie.isBlank()) {
            return sessions.find(sessionCookie)
                    .<Result>map(s -> new Result.Authenticated(
                            new Caller("user:" + s.user().username(), s.user().username(), s.user().role(), Caller.Method.SESSION), s))
                    .orElseGet(Result.Anonymous::new);
        }
        return new Result.Anonymous();
    }

    private Result byKey(String secret, Caller.Method method) {
        return keys.verify(secret)
                .<Result>map(k -> new Result.Authenticated(new Caller("key:" + k.id(), k.name(), k.role(), method), null))
                .orElseGet(() -> new Result.Rejected("API key is not valid: unknown, revoked or expired"));
    }

    private static Role roleFromGroups(HearthConfig.ForwardAuth fa, @Nullable String groupsHeader) {
        if (groupsHeader == null) return Role.parse(fa.defaultRole());
        var groups = Arrays.stream(groupsHeader.split(",")).map(String::trim).toList();
        if (groups.stream().anyMatch(fa.adminGroups()::contains)) return Role.ADMIN;
        if (groups.stream().anyMatch(fa.operatorGroups()::contains)) return Role.OPERATOR;
        return Role.parse(fa.defaultRole());
    }

    public boolean isTrustedProxy(String peerAddress) {
        Optional<InetAddress> address = literal(peerAddress);
        return address.isPresent() && config.current().security().trustedProxies().stream()
                .map(AddressRange::parse)
                .anyMatch(r -> r.contains(address.get()));
    }

    private static Optional<InetAddress> literal(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
