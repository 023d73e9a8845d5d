package dev.hearth.platform.http;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A session-cookie login (qBittorrent, Deluge), lazy and one at a time per client.
 *
 * <p>The rule that matters most: a refused login must never become a retry storm, because
 * qBittorrent bans the IP after 5 failures. So a refusal ({@link UpstreamException.AuthFailed} from
 * the login) is remembered and replayed without touching the upstream until {@link #reset()} or the
 * cool-down. A session rejected right after a login that succeeded is another matter: qBittorrent does
 * that for a moment while it starts, and its ban counts refused logins, which this is not. It is
 * {@link UpstreamException.NotReady}, and the next login waits 1 s, then 2, 4… up to 30 s, until a call
 * is accepted again.
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
    private int generation; // +1 per successful login; tells a caller whether someone renewed meanwhile
    private boolean loggedIn;
    private boolean confirmed; // some call was accepted with the current session
    private UpstreamException.@Nullable AuthFailed refusal;
    private Instant refusedAt = Instant.EPOCH;
    private int rejectedInARow; // sessions rejected right after a successful login, since a call was last accepted
    private Instant nextLoginAt = Instant.EPOCH;

    CookieSession(
            String upstream,
            AuthStrategy.SessionCookie strategy,
            Transport transport,
            UpstreamClient raw,
            Clock clock) {
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
        throw notReady(
                renewed, request.method() + " " + request.pathWithoutQuery() + " (HTTP " + repeated.status() + ")");
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
                waitedLongEnough();
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
                    throw notReady(session, "the session of the login just made (HTTP " + status + ")");
                }
                loggedIn = false;
            }
            if (!loggedIn) {
                waitedLongEnough();
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
                rejectedInARow = 0;
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
            throw new UpstreamException.AuthFailed(
                    upstream,
                    remembered.detail()
                            + " (remembered: login is not tried again before " + retryAt
                            + " unless the credentials are changed)",
                    remembered);
        }
        refusal = null;
    }

    /** A login that succeeded, and a session that is still rejected: transient; the next login waits, doubling to 30 s. */
    private UpstreamException.NotReady notReady(int session, String what) {
        lock.lock();
        try {
            if (generation == session) {
                rejectedInARow++;
                long seconds = Math.min(30, 1L << Math.min(5, rejectedInARow - 1));
                nextLoginAt = clock.instant().plusSeconds(seconds);
                loggedIn = false;
                confirmed = false;
            }
            return new UpstreamException.NotReady(
                    upstream,
                    "accepted the login but rejects " + what + "; it may still be starting: logging in again after "
                            + nextLoginAt);
        } finally {
            lock.unlock();
        }
    }

    /** Callers hold the lock: no login before the backoff of a rejected session has passed. */
    private void waitedLongEnough() {
        if (rejectedInARow > 0 && clock.instant().isBefore(nextLoginAt)) {
            throw new UpstreamException.NotReady(
                    upstream,
                    "rejected the session of its last login; it may still be starting:" + " logging in again after "
                            + nextLoginAt);
        }
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
