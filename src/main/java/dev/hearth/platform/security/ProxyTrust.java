package dev.hearth.platform.security;

import dev.hearth.platform.config.AddressRange;
import dev.hearth.platform.config.ConfigService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Which peers are reverse proxies Hearth believes ({@code security.trusted_proxies}), and what it believes
 * of them: the client's address in {@code X-Forwarded-For} and the scheme in {@code X-Forwarded-Proto}.
 * Everything a proxy did not write itself is the client's to forge, so {@code X-Forwarded-For} is read
 * from the right: each trusted hop appended the address it saw, and the first address that is not a
 * trusted proxy is the client.
 */
@Singleton
public class ProxyTrust {
    private static final Logger LOG = Logger.getLogger(ProxyTrust.class);

    private record Parsed(List<String> source, List<AddressRange> ranges) {}

    private final ConfigService config;
    private volatile Parsed parsed = new Parsed(List.of(), List.of());

    public ProxyTrust(ConfigService config) {
        this.config = config;
    }

    /** After the log store is installed, so the warning is also in {@code GET /api/v1/logs}. */
    void warnAboutWideRanges(@Observes @Priority(5000) StartupEvent ignored) {
        for (String entry : config.current().security().trustedProxies()) {
            AddressRange range = AddressRange.parse(entry);
            if (range.prefixBits() < range.network().length * 8) {
                LOG.warnf(
                        "security.trusted_proxies: '%s' trusts every address in that range, each of which may then claim any client "
                                + "address and, with forward-auth, any user; list the proxy's own address instead",
                        entry);
            }
        }
    }

    private List<AddressRange> ranges() {
        List<String> current = config.current().security().trustedProxies();
        Parsed p = parsed;
        if (p.source() != current) {
            p = new Parsed(current, current.stream().map(AddressRange::parse).toList());
            parsed = p;
        }
        return p.ranges();
    }

    public boolean trusts(String peerAddress) {
        Optional<InetAddress> address = literal(peerAddress);
        if (address.isEmpty()) return false;
        for (AddressRange r : ranges()) {
            if (r.contains(address.get())) return true;
        }
        return false;
    }

    /**
     * The client's address: the peer itself, or when the peer is a trusted proxy, the right-most entry of
     * {@code X-Forwarded-For} that is not a trusted proxy. An entry that is no IP address ends the walk at the
     * last hop that was one (nobody trusted wrote it).
     */
    public String clientAddress(String peer, @Nullable String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusts(peer)) return canonical(peer);
        String client = peer;
        String[] hops = forwardedFor.split(",", -1);
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (literal(hop).isEmpty()) break;
            client = hop;
            if (!trusts(hop)) break;
        }
        return canonical(client);
    }

    /** Whether the browser talked HTTPS: to Hearth itself, or to a trusted proxy that says so. */
    public boolean https(boolean tls, String peer, @Nullable String forwardedProto) {
        if (tls) return true;
        if (forwardedProto == null || !trusts(peer)) return false;
        int comma = forwardedProto.indexOf(',');
        String first = (comma < 0 ? forwardedProto : forwardedProto.substring(0, comma)).trim();
        return first.equalsIgnoreCase("https");
    }

    /**
     * Whether session cookies are {@code Secure} and {@code __Host-} named: the browser talked HTTPS, or
     * {@code security.secure_cookies} says it always does (a proxy that sends no X-Forwarded-Proto).
     */
    public boolean secureCookies(boolean tls, String peer, @Nullable String forwardedProto) {
        return https(tls, peer, forwardedProto) || config.current().security().secureCookies();
    }

    /**
     * What limits and lock-outs count by: the address itself, or for IPv6 its /64 network, since one home
     * or one attacker is handed a whole /64 and could otherwise take a fresh address for every guess.
     */
    public static String bucket(String address) {
        Optional<InetAddress> a = literal(address);
        if (a.isEmpty() || !(a.get() instanceof Inet6Address)) return address;
        byte[] network = a.get().getAddress();
        for (int i = 8; i < 16; i++) network[i] = 0;
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static String canonical(String address) {
        return literal(address)
                .map(InetAddress::getHostAddress)
                .orElse(address.length() > 64 ? address.substring(0, 64) : address);
    }

    static Optional<InetAddress> literal(String address) {
        String a =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (a.isEmpty() || a.length() > 45 || !a.matches("[0-9a-fA-F:.]+")) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(a));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
