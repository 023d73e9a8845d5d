package dev.hearth.hub.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names to addresses; the system's by default, a table in tests (a name that resolves to 169.254.169.254 or to loopback). */
@FunctionalInterface
public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
