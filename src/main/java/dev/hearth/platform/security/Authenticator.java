package dev.hearth.platform.security;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns a request's credentials into a {@link Caller}: {@code X-API-Key}, then {@code Authorization: Bearer},
 * then forward-auth headers (only from a trusted proxy, and only with the proxy's shared secret when one is
 * configured), then the session cookie. Memory only: it runs on the event loop for every request.
 */
@Singleton
public class Authenticator {
    /** Longest forward-auth user name believed; a proxy sends short names, anything longer is not a proxy's. */
    static final int MAX_PROXY_USER = 128;

    public sealed interface Result {
        record Anonymous() implements Result {}

        record Authenticated(Caller caller, SessionService.@Nullable Session session) implements Result {}

        record Rejected(String message) implements Result {}
    }

    private final ApiKeyService keys;
    private final SessionService sessions;
    private final ConfigService config;
    private final ProxyTrust proxies;

    public Authenticator(ApiKeyService keys, SessionService sessions, ConfigService config, ProxyTrust proxies) {
        this.keys = keys;
        this.sessions = sessions;
        this.config = config;
        this.proxies = proxies;
    }

    /** @param header request header by name; {@code sessionCookie} the session cookie's value if sent */
    public Result authenticate(
            Function<String, @Nullable String> header, @Nullable String sessionCookie, String peerAddress) {
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
        HearthConfig.ForwardAuth fa = config.current().security().forwardAuth();
        String remoteUser = header.apply(fa.userHeader());
        if (fa.enabled() && remoteUser != null && !remoteUser.isBlank() && proxies.trusts(peerAddress)) {
            return byProxy(fa, remoteUser.trim(), header);
        }
        if (sessionCookie != null && !sessionCookie.isBlank()) {
            return sessions.find(sessionCookie)
                    .<Result>map(s -> new Result.Authenticated(
                            new Caller(
                                    "user:" + s.user().username(),
                                    s.user().username(),
                                    s.user().role(),
                                    Caller.Method.SESSION,
                                    s.credential()),
                            s))
                    .orElseGet(Result.Anonymous::new);
        }
        return new Result.Anonymous();
    }

    private Result byProxy(HearthConfig.ForwardAuth fa, String user, Function<String, @Nullable String> header) {
        HearthConfig.SecretHeader required = fa.secretHeader();
        if (!required.value().isEmpty()) {
            String sent = header.apply(required.name());
            if (sent == null || !Tokens.constantTimeEquals(sent, required.value())) {
                return new Result.Rejected(
                        "Forward-auth headers without the proxy's secret (" + required.name() + ") are not believed");
            }
        }
        if (user.length() > MAX_PROXY_USER)
            return new Result.Rejected("Forward-auth user name is longer than " + MAX_PROXY_USER + " characters");
        return new Result.Authenticated(
                new Caller(
                        "proxy:" + user,
                        user,
                        roleFromGroups(fa, header.apply(fa.groupsHeader())),
                        Caller.Method.FORWARD_AUTH),
                null);
    }

    private Result byKey(String secret, Caller.Method method) {
        return keys.verify(secret)
                .<Result>map(k -> new Result.Authenticated(
                        new Caller("key:" + k.id(), k.name(), k.role(), method, "key:" + k.id()), null))
                .orElseGet(() -> new Result.Rejected("API key is not valid: unknown, revoked or expired"));
    }

    private static Role roleFromGroups(HearthConfig.ForwardAuth fa, @Nullable String groupsHeader) {
        if (groupsHeader == null) return Role.parse(fa.defaultRole());
        var groups = Arrays.stream(groupsHeader.split(",")).map(String::trim).toList();
        if (groups.stream().anyMatch(fa.adminGroups()::contains)) return Role.ADMIN;
        if (groups.stream().anyMatch(fa.operatorGroups()::contains)) return Role.OPERATOR;
        return Role.parse(fa.defaultRole());
    }

    /** Whether a credential a caller once showed still holds: a key not revoked or expired, a session not ended. */
    public boolean stillValid(Caller caller) {
        String credential = caller.credential();
        try {
            if (credential.startsWith("key:")) return keys.isLive(Long.parseLong(credential.substring(4)));
            if (credential.startsWith("session:")) return sessions.isLive(Long.parseLong(credential.substring(8)));
        } catch (NumberFormatException e) {
            return false;
        }
        return true; // forward-auth: the proxy checks its own login on every request; nothing here to revoke
    }
}
