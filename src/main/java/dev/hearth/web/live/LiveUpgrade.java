package dev.hearth.web.live;

import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.security.Authenticator;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.LiveTickets;
import dev.hearth.platform.security.ProxyTrust;
import dev.hearth.platform.security.SessionService;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * The last step of a live socket's upgrade, after the request gate let it through (authenticated, and
 * same-origin when a cookie or a proxy's login carried it): who the caller is, kept with the connection,
 * so the hub can count the caller's sockets (429 past the cap) and later ask whether the credential
 * still holds. A one-time ticket is redeemed here, where its caller is needed.
 */
@Singleton
public class LiveUpgrade implements HttpUpgradeCheck {
    static final UserData.TypedKey<Caller> CALLER = new UserData.TypedKey<>("hearth.caller");

    private final Authenticator authenticator;
    private final LiveTickets tickets;
    private final ProxyTrust proxies;
    private final LiveHub hub;

    public LiveUpgrade(Authenticator authenticator, LiveTickets tickets, ProxyTrust proxies, LiveHub hub) {
        this.authenticator = authenticator;
        this.tickets = tickets;
        this.proxies = proxies;
        this.hub = hub;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        Caller caller = identify(context.httpRequest());
        if (caller == null) return CheckResult.rejectUpgrade(401);
        if (!hub.mayConnect(caller.id())) return CheckResult.rejectUpgrade(429);
        context.userData().put(CALLER, caller);
        return CheckResult.permitUpgrade();
    }

    private @Nullable Caller identify(HttpServerRequest request) {
        String peer =
                request.remoteAddress() == null ? "" : request.remoteAddress().host();
        Cookie cookie = request.getCookie(SessionService.cookieName(
                proxies.secureCookies(request.isSSL(), peer, request.getHeader("X-Forwarded-Proto"))));
        Authenticator.Result result =
                authenticator.authenticate(request::getHeader, cookie == null ? null : cookie.getValue(), peer);
        if (result instanceof Authenticator.Result.Authenticated a) return a.caller();
        String ticket = request.getParam("ticket");
        return ticket == null ? null : tickets.redeem(ticket).orElse(null);
    }
}
