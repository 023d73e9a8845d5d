package dev.hearth.hub.proxy;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a registered base may point, and when two URLs are the same origin.
 *
 * <p><b>By name.</b> Two URLs are the same origin when scheme, host and port are equal, the host compared by name
 * after canonicalisation: lower case, one trailing dot dropped ({@code localhost.} is {@code localhost}), IDN to ASCII,
 * IPv6 literals in their one written form, a missing port read as the scheme's. Different names are different origins
 * even when they resolve to the same address: a name-based virtual host may be another service. A redirect is
 * followed only to the same origin, under the base path.
 *
 * <p><b>By address.</b> At every call the base's host is resolved as the HTTP client will resolve it (the JDK's cache
 * serves both, so the window between check and connect is the cache's, 30 s by default) and each address is judged:
 * never the unspecified address ({@code 0.0.0.0}, {@code ::}: it reaches every port of this machine), link-local
 * ({@code 169.254.0.0/16}, {@code fe80::/10}: cloud metadata lives there), multicast, or a known metadata address;
 * loopback only when the service may use it (a configured service, not one a container label announced) and only
 * when the base says so itself — a loopback literal or a loopback name ({@code localhost}, {@code *.localhost}); a
 * name that resolves to loopback otherwise ({@code 127.0.0.1.nip.io}, a rebinding DNS) is refused; and never Hearth's
 * own port on this machine.
 */
public final class AddressPolicy {
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    private AddressPolicy() {}

    /** Throws {@link ProxyRefused} (FORBIDDEN_ADDRESS) when {@code base} may not be called; {@link UnknownHostException} when its name does not resolve. */
    public static void check(URI base, HostResolver resolver, boolean loopbackAllowed, int ownPort)
            throws UnknownHostException {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw forbidden("the service's base URL is not http or https");
        }
        String host = base.getHost();
        if (host == null || host.isEmpty()) {
            throw forbidden("the service's base URL has no host");
        }
        if (base.getRawUserInfo() != null) {
            throw forbidden("the service's base URL carries a user name or password; keep credentials in the vault");
        }
        String canonical = canonicalHost(host);
        boolean literal = isLiteral(canonical);
        for (InetAddress address : resolver.resolve(host)) {
            InetAddress a = unmapped(address);
            String shown = literal ? a.getHostAddress() : canonical + " (" + a.getHostAddress() + ")";
            if (a.isAnyLocalAddress()) {
                throw forbidden(shown + " is the unspecified address, which reaches every port of this machine");
            }
            if (a.isLinkLocalAddress() || isMetadata(a)) {
                throw forbidden(
                        shown + " is link-local, where cloud metadata services answer; no home service lives there");
            }
            if (a.isMulticastAddress()) {
                throw forbidden(shown + " is a multicast address");
            }
            if (a.isLoopbackAddress()) {
                if (!loopbackAllowed) {
                    throw forbidden(
                            shown
                                    + " is this machine's loopback, which this service may not reach (its address came from discovery)");
                }
                if (!literal && !isLoopbackName(canonical)) {
                    throw forbidden(
                            "the name " + canonical + " resolves to loopback (" + a.getHostAddress()
                                    + "); register the service as http://127.0.0.1:<port> or http://localhost:<port> if that is meant");
                }
                if (ownPort > 0 && port(base) == ownPort) {
                    throw forbidden("that is Hearth's own address; the proxy does not call Hearth");
                }
            }
        }
    }

    /** Same scheme, canonical host and port. */
    public static boolean sameOrigin(URI a, URI b) {
        if (a.getScheme() == null || b.getScheme() == null || a.getHost() == null || b.getHost() == null) {
            return false;
        }
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && canonicalHost(a.getHost()).equals(canonicalHost(b.getHost()))
                && port(a) == port(b)
                && a.getRawUserInfo() == null
                && b.getRawUserInfo() == null;
    }

    /** Lower case, one trailing dot dropped, IDN as ASCII, an IPv6 literal in one form (brackets dropped). */
    public static String canonicalHost(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.indexOf(':') >= 0) {
            try {
                return InetAddress.getByName(h).getHostAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                return h.toLowerCase(Locale.ROOT);
            }
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        try {
            h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notAName) {
            // keep it as written; it cannot resolve either
        }
        return h.toLowerCase(Locale.ROOT);
    }

    static boolean isLoopbackName(String canonical) {
        return canonical.equals("localhost") || canonical.endsWith(".localhost");
    }

    private static boolean isLiteral(String canonical) {
        return canonical.indexOf(':') >= 0 || IPV4_LITERAL.matcher(canonical).matches();
    }

    static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static InetAddress unmapped(InetAddress a) {
        if (a instanceof Inet6Address six) {
            byte[] b = six.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException impossible) {
                    return a;
                }
            }
        }
        return a;
    }

    /** Metadata addresses outside link-local: AWS's IPv6 one (fd00:ec2::254) and Alibaba's (100.100.100.200). */
    private static boolean isMetadata(InetAddress a) {
        String s = a.getHostAddress();
        return s.equals("fd00:ec2:0:0:0:0:0:254") || s.equals("100.100.100.200");
    }

    private static ProxyRefused forbidden(String why) {
        return new ProxyRefused(ProxyRefused.Reason.FORBIDDEN_ADDRESS, why);
    }
}
