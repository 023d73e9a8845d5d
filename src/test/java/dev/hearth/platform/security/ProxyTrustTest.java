package dev.hearth.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyTrustTest {
    private static ProxyTrust trust(Path dir) {
        return new ProxyTrust(
                TestConfig.with(dir, Map.of("hearth.security.trusted_proxies", "10.0.0.2, 172.18.0.0/16")));
    }

    @Test
    void forwardedForIsWalkedFromTheRightToTheFirstAddressNoProxyWrote(@TempDir Path dir) {
        ProxyTrust t = trust(dir);
        assertEquals("203.0.113.7", t.clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.7"));
        assertEquals("203.0.113.7", t.clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.7, 172.18.0.5"));
        assertEquals("10.0.0.9", t.clientAddress("10.0.0.9", "1.1.1.1"), "an untrusted peer's header is ignored");
        assertEquals(
                "10.0.0.2", t.clientAddress("10.0.0.2", "not-an-address"), "a forged entry ends the walk at the proxy");
        assertEquals("203.0.113.7", t.clientAddress("10.0.0.2", "garbage, 203.0.113.7"));
        assertEquals(
                "172.18.0.4",
                t.clientAddress("10.0.0.2", "172.18.0.4"),
                "only proxies: the left-most proxy is the client");
        assertEquals("10.0.0.2", t.clientAddress("10.0.0.2", "x".repeat(10_000)));
    }

    @Test
    void httpsIsBelievedOnlyFromATrustedProxy(@TempDir Path dir) {
        ProxyTrust t = trust(dir);
        assertTrue(t.https(false, "10.0.0.2", "https"));
        assertFalse(t.https(false, "10.0.0.9", "https"));
        assertTrue(t.https(true, "10.0.0.9", null));
        assertFalse(t.https(false, "10.0.0.2", "http, https"));
    }

    @Test
    void ipv6ClientsCountByTheirSlash64(@TempDir Path dir) {
        assertEquals(ProxyTrust.bucket("2001:db8:1:2:aaaa::1"), ProxyTrust.bucket("2001:db8:1:2:bbbb::9"));
        assertFalse(ProxyTrust.bucket("2001:db8:1:2::1").equals(ProxyTrust.bucket("2001:db8:1:3::1")));
        assertEquals("192.0.2.1", ProxyTrust.bucket("192.0.2.1"));
    }
}
