package dev.hearth.platform.http;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A session-cookie login (qBittorrent, Deluge), lazy and one at a time per client.
 *
 * <p>The rule that matters most: a refused login must never become a retry storm, because
 * qBittorrent bans the IP after 5 failures. So a refusal is remembered and replayed without
 * touching the upstream until {@link #reset()} or the cool-down, and a session that is rejected
 * right after a login that "succeeded" (a login function that missed qBittorrent's 200 "Fails.")
 * counts as a refusal too instead of triggering another login.
 */
final class CookieSession implements AuthSession {

    private final String upstream;
    private final AuthStrategy.SessionCookie strategy;
    private final Transport transport;
    private final UpstreamClient raw;
    private final Clock clock;

    // A ReentrantLock, not synchronized: the login does network I/O while holding it, and on JDK 21
    // a virtual thread blocked inside synchronized pins its carrier thread. Callers queue here
    // while one of them logs in, then reuse its session.
    private final ReentrantLock lock = new ReentrantLock();
    private int generation;        // +1 per successful login; tells a caller whether someone renewed meanwhile
    private boolean loggedIn;
    private boolean confirmed;     // some call was accepted with the current session
    private UpstreamException.@Nullable AuthFailed refusal;
    private Instant refusedAt = Instant.EPOCH;

    CookieSession(String upstream, AuthStrategy.SessionCookie strategy, Transport transport, UpstreamClient raw, Clock clock) {
        this.upstream = upstream;
        this.strategy = strategy;
        this.transport = transport;
        this.raw = raw;
        this.clock = clock;
    }

    @Override
    public UpstreamResponse send(UpstreamRequest request) {
        int session = ensureSession();
        UpstreamResponse response = transport.execute(request);
        if (!strategy.expired().test(response)) {
            confirm(session);
            return response;
        }
        int renewed = renew(session, response.status());
        UpstreamResponse repeated = transport.execute(request);
        if (!strategy.expired().test(repeated)) {
            confirm(renewed);
            return repeated;
        }
        throw refuse(new UpstreamException.AuthFailed(upstream, "still rejects " + request.method() + " "
                + request.pathWithoutQuery() + " (HTTP " + repeated.status()
                + ") right after a fresh login; check the credentials and the upstream's access settings"));
    }

    @Override
    public void reset() {
        lock.lock();
        try {
            refusal = null;
            loggedIn = false;
            confirmed = false;
            transport.cookies().getCookieStore().removeAll();
        } finally {
            lock.unlock();
        }
    }

    private int ensureSession() {
        lock.lock();
        try {
            failFastIfRefused();
            if (!loggedIn) {
                login();
            }
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Logs in again unless another caller already did since {@code session} was used. */
    private int renew(int session, int status) {
        lock.lock();
        try {
            failFastIfRefused();
            if (loggedIn && generation == session) {
                if (!confirmed) {
                    throw refuse(new UpstreamException.AuthFailed(upstream, "the login seemed to succeed but the session"
                            + " is rejected (HTTP " + status + "); check the credentials"));
                }
                loggedIn = false;
            }
            if (!loggedIn) {
                login();
            }
            return generation;
        } finally {
            lock.unlock();
        }
    }

    private void confirm(int session) {
        lock.lock();
        try {
            if (generation == session) {
                confirmed = true;
            }
        } finally {
            lock.unlock();
        }
    }

    // Callers hold the lock.
    private void login() {
        // An expired cookie is garbage; dropping it means the login sees a clean jar.
        transport.cookies().getCookieStore().removeAll();
        try {
            strategy.login().login(raw);
        } catch (UpstreamException.AuthFailed refused) {
            throw refuse(refused);
        }
        // Any other exception (unreachable, timeout…) is transient and leaves us logged out: the next call tries again.
        loggedIn = true;
        confirmed = false;
        generation++;
    }

    private void failFastIfRefused() {
        UpstreamException.AuthFailed remembered = refusal;
        if (remembered == null) {
            return;
        }
        Instant retryAt = refusedAt.plus(strategy.failedLoginCooldown());
        if (clock.instant().isBefore(retryAt)) {
            throw new UpstreamException.AuthFailed(upstream, remembered.detail()
                    + " (remembered: login is not tried again before " + retryAt
                    + " unless the credentials are changed)", remembered);
        }
        refusal = null;
    }

    private UpstreamException.AuthFailed refuse(UpstreamException.AuthFailed refused) {
        lock.lock();
        try {
            refusal = refused;
            refusedAt = clock.instant();
            loggedIn = false;
            confirmed = false;
            return refused;
        } finally {
            lock.unlock();
        }
    }
}
