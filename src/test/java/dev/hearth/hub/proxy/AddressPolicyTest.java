package dev.hearth.hub.proxy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a registered base's host is judged: by canonical name for origins, by resolved address for where it may point. */
class AddressPolicyTest {
    /** A DNS of our own: names a test needs, resolving where an attacker would point them. */
    static final HostResolver TABLE = host -> {
        Map<String, String> table = Map.of(
                "metadata.test",
                "169.254.169.254",
                "rebind.test",
                "127.0.0.1",
                "127.0.0.1.nip.io",
                "127.0.0.1",
                "nas.test",
                "192.168.1.20",
                "localhost.",
                "127.0.0.1",
                "localhost",
                "127.0.0.1",
                "api.localhost",
                "127.0.0.1",
                "six.test",
                "fe80::1",
                "any.test",
                "0.0.0.0");
        String address = table.get(host.toLowerCase(java.util.Locale.ROOT));
        return address == null ? InetAddress.getAllByName(host) : new InetAddress[] {InetAddress.getByName(address)};
    };

    private static ProxyRefused refused(String base, boolean loopbackAllowed) {
        return assertThrows(ProxyRefused.class, () -> AddressPolicy.check(URI.create(base), TABLE, loopbackAllowed, 0));
    }

    @Test
    void metadataUnspecifiedAndMulticastAddressesAreRefusedHoweverWritten() {
        for (String base : new String[] {
            "http://169.254.169.254/",
            "http://2852039166/",
            "http://[::ffff:169.254.169.254]/",
            "http://[fe80::1]:8080/",
            "http://metadata.test/",
            "http://six.test/",
            "http://0.0.0.0:8080/",
            "http://[::]:8080/",
            "http://any.test/",
            "http://224.0.0.1/",
            "http://[fd00:ec2::254]/",
            "http://100.100.100.200/"
        }) {
            assertEquals(
                    ProxyRefused.Reason.FORBIDDEN_ADDRESS, refused(base, true).reason(), base);
        }
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedUnlessItIsALoopbackName() {
        assertTrue(refused("http://rebind.test:8080/", true)
                .getMessage()
                .startsWith("the name rebind.test resolves to loopback (127.0.0.1)"));
        refused("http://127.0.0.1.nip.io:2375/", true);
        assertDoesNotThrow(() -> AddressPolicy.check(URI.create("http://127.0.0.1:8080/"), TABLE, true, 0));
        assertDoesNotThrow(() -> AddressPolicy.check(URI.create("http://[::1]:8080/"), TABLE, true, 0));
        assertDoesNotThrow(() -> AddressPolicy.check(URI.create("http://localhost:8080/"), TABLE, true, 0));
        assertDoesNotThrow(() -> AddressPolicy.check(URI.create("http://LOCALHOST.:8080/"), TABLE, true, 0));
        assertDoesNotThrow(() -> AddressPolicy.check(URI.create("http://api.localhost:8080/"), TABLE, true, 0));
        assertDoesNotThrow(() -> AddressPolicy.check(URI.create("http://nas.test:5000/"), TABLE, false, 0));
    }

    @Test
    void loopbackIsRefusedToAServiceThatMayNotUseItAndHearthsOwnPortToAll() {
        assertTrue(refused("http://127.0.0.1:8080/", false).getMessage().contains("may not reach"));
        assertTrue(refused("http://localhost:8080/", false).getMessage().contains("may not reach"));
        ProxyRefused own = assertThrows(
                ProxyRefused.class, () -> AddressPolicy.check(URI.create("http://127.0.0.1:4327/"), TABLE, true, 4327));
        assertTrue(own.getMessage().contains("Hearth's own address"));
        assertThrows(
                UnknownHostException.class,
                () -> AddressPolicy.check(URI.create("http://no-such-host.invalid/"), TABLE, true, 0));
    }

    @Test
    void originsCompareByCanonicalNameSchemeAndPortNeverByAddress() {
        URI base = URI.create("http://localhost:8080/app/");
        assertTrue(AddressPolicy.sameOrigin(base, URI.create("http://LOCALHOST.:8080/x")));
        assertTrue(AddressPolicy.sameOrigin(URI.create("http://h/"), URI.create("http://h:80/")));
        assertTrue(AddressPolicy.sameOrigin(URI.create("http://[::1]:1/"), URI.create("http://[0:0:0:0:0:0:0:1]:1/")));
        assertFalse(
                AddressPolicy.sameOrigin(base, URI.create("http://127.0.0.1:8080/x")),
                "another name, though the same address");
        assertFalse(AddressPolicy.sameOrigin(base, URI.create("https://localhost:8080/x")));
        assertFalse(AddressPolicy.sameOrigin(base, URI.create("http://localhost:8081/x")));
        assertFalse(AddressPolicy.sameOrigin(base, URI.create("http://user@localhost:8080/x")));
        assertEquals("xn--bcher-kva.example", AddressPolicy.canonicalHost("Bücher.example."));
    }
}
