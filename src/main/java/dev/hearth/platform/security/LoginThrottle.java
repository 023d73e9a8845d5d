package dev.hearth.platform.security;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Slows password guessing without handing a stranger the owner's lock. Failures are counted per client
 * address and name ({@code max_failures} within {@code window} lock that name from that address) and per
 * address ({@code address_max_failures}, spraying many names); never per name alone, since then anyone
 * could lock the owner out by typing wrong passwords for {@code admin}. A locked pair or address waits
 * {@code lockout}, right password or wrong.
 *
 * <p>Bounded: at most {@link #MAX_TRACKED} addresses and pairs are remembered, oldest first forgotten, and
 * an entry is dropped once its window and lock-out are both over. The map is kept in order of last
 * failure, so forgetting is done from its head, a few entries per call.
 */
@Singleton
public class LoginThrottle {
    public static final int MAX_TRACKED = 10_000;

    private static final class Entry {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
        Instant touched = Instant.MIN;
    }

    private final ConfigService config;
    private final Clock clock;
    /** Insertion order = order of last failure: an entry is moved to the end each time it fails. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    public LoginThrottle(ConfigService config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    private static String addressKey(String address) {
        return "a " + address;
    }

    private static String pairKey(String address, String username) {
        return "p " + address + " " + username;
    }

    /** How long the caller must wait, if locked out. */
    public synchronized Optional<Duration> lockedFor(String address, String username) {
        Instant now = clock.instant();
        forgetOld(now);
        Instant until = Instant.MIN;
        for (String key : new String[] {addressKey(address), pairKey(address, username)}) {
            Entry e = entries.get(key);
            if (e != null && e.lockedUntil.isAfter(until)) until = e.lockedUntil;
        }
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public synchronized void failed(String address, String username) {
        HearthConfig.Login rules = config.current().security().login();
        Instant now = clock.instant();
        forgetOld(now);
        count(addressKey(address), rules.addressMaxFailures(), rules, now);
        count(pairKey(address, username), rules.maxFailures(), rules, now);
        forgetOld(now);
    }

    /** A right password clears that name's failures from that address; the address's own count stays (no resetting it with a known account). */
    public synchronized void succeeded(String address, String username) {
        entries.remove(pairKey(address, username));
    }

    /** How many addresses and pairs are remembered now. */
    public synchronized int tracked() {
        return entries.size();
    }

    private void count(String key, int threshold, HearthConfig.Login rules, Instant now) {
        Entry e = entries.remove(key);
        if (e == null) e = new Entry();
        entries.put(key, e);
        e.touched = now;
        e.failures.addLast(now);
        Instant windowStart = now.minus(rules.window());
        while (!e.failures.isEmpty() && e.failures.peekFirst().isBefore(windowStart)) e.failures.removeFirst();
        if (e.failures.size() >= threshold) {
            e.lockedUntil = now.plus(rules.lockout());
            e.failures.clear();
        }
    }

    private void forgetOld(Instant now) {
        HearthConfig.Login rules = config.current().security().login();
        Duration keep = rules.window().compareTo(rules.lockout()) > 0 ? rules.window() : rules.lockout();
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry e = oldestFirst.next();
            boolean over = e.touched.plus(keep).isBefore(now) && !now.isBefore(e.lockedUntil);
            if (!over && entries.size() <= MAX_TRACKED) break;
            oldestFirst.remove();
        }
    }
}
