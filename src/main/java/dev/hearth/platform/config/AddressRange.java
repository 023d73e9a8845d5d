package dev.hearth.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address or CIDR range (IPv4 or IPv6), as written in {@code security.trusted_proxies}. */
public record AddressRange(byte[] network, int prefixBits) {

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static AddressRange parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String host = slash < 0 ? t : t.substring(0, slash);
        if (!host.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException(text);
        }
        try {
            byte[] addr = InetAddress.getByName(host).getAddress();
            int bits = slash < 0 ? addr.length * 8 : Integer.parseInt(t.substring(slash + 1));
            if (bits < 0 || bits > addr.length * 8) throw new IllegalArgumentException(text);
            return new AddressRange(addr, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) return false;
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) return false;
        }
        int rest = prefixBits % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }
}
