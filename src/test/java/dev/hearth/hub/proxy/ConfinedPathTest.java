package dev.hearth.hub.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A caller's path can only name something under the base: every trick refused, the rest written anew canonically. */
class ConfinedPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v3/system/status | /api/v3/system/status",
                "api/status | /api/status",
                "/ | /",
                "/api/ | /api/",
                "/api/items/a b | /api/items/a%20b",
                "/api/%61pi | /api/api",
                "/api/x;jsessionid=1 | /api/x%3Bjsessionid=1",
                "/files/héllo | /files/h%C3%A9llo",
                "/api/100%25 | /api/100%25",
                "/api/%2541 | /api/%2541",
                "/@127.0.0.1:9/x | /@127.0.0.1:9/x",
                "/api/a:b/c | /api/a:b/c",
                "/api/.hidden/..x | /api/.hidden/..x"
            })
    void anAcceptablePathIsSentAsItsCanonicalForm(String given, String sent) {
        assertEquals(sent, ConfinedPath.parse(given, Map.of()).encodedPath());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http://evil.test/x",
                "https://169.254.169.254/latest/meta-data",
                "HTTP://127.0.0.1:1/",
                "ftp://127.0.0.1/",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "localhost:2375/containers/json",
                "//evil.test/x",
                "///x",
                "//127.0.0.1:2375/",
                "/api//x",
                "/api/x//",
                "\\\\evil.test\\x",
                "/api\\..\\x",
                "/api/x\\",
                "/..",
                "/../x",
                "/api/../../etc/passwd",
                "/api/./x",
                "/.",
                "/api/..",
                "/api/%2e%2e/x",
                "/api/%2E%2e/x",
                "/api/.%2e/x",
                "/api/%2e./x",
                "/api/%2e/x",
                "/api/%252e%252e/x",
                "/api/%25252e%25252e/x",
                "/api/%252E./x",
                "/api/%2f/x",
                "/api/a%2fb",
                "/api/a%2Fb",
                "/api/a%252fb",
                "/%2F%2F127.0.0.1:2375/",
                "/api/%5c/x",
                "/api/a%255cb",
                "/api/%00",
                "/api/a%0d%0aHost:%20evil",
                "/api/a%2500",
                "/api/..;/x",
                "/api/..;jsessionid=1/x",
                "/api/%2e%2e;x/y",
                "/api/．．/x",
                "/api/%EF%BC%8E%EF%BC%8E/x",
                "/api/a／b",
                "/api/%c0%ae%c0%ae/x",
                "/api/%zz",
                "/api/%2",
                "/api/%",
                "/api/x#frag",
                ""
            })
    void anyWayOutOfTheBaseIsRefused(String path) {
        ProxyRefused e = assertThrows(ProxyRefused.class, () -> ConfinedPath.parse(path, Map.of()));
        assertEquals(ProxyRefused.Reason.INVALID_PATH, e.reason(), e.getMessage());
    }

    @Test
    void controlCharactersAndLineBreaksAreRefusedAsWritten() {
        for (String path : List.of("/api/x\r\nHost: evil", "/api/\u0000", "/api/\u2028x", "/api/\u0085")) {
            assertEquals(
                    ProxyRefused.Reason.INVALID_PATH,
                    assertThrows(ProxyRefused.class, () -> ConfinedPath.parse(path, Map.of()))
                            .reason());
        }
        assertThrows(ProxyRefused.class, () -> ConfinedPath.parse("/" + "a".repeat(ConfinedPath.MAX_LENGTH), Map.of()));
    }

    @Test
    void theQueryOfThePathIsKeptAsWrittenAndExtraParametersAreEncodedAndAppended() {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        extra.put("filter", List.of("downloading"));
        extra.put("category", List.of("tv shows", "movies&more"));
        ConfinedPath p = ConfinedPath.parse("/api/v2/torrents/info?sort=name&q=a+b%20c", extra);
        assertEquals(
                "/api/v2/torrents/info?sort=name&q=a+b%20c&filter=downloading&category=tv%20shows&category=movies%26more",
                p.pathAndQuery());
        assertEquals("/api/v2/torrents/info", p.toString(), "messages leave the query out");
        assertEquals(
                "/x?q=%22%3Cb%3E%22",
                ConfinedPath.parse("/x?q=\"<b>\"", Map.of()).pathAndQuery(), "what a URL cannot hold is escaped");
    }

    @Test
    void aQueryWithAControlCharacterOrAMalformedEscapeIsRefused() {
        assertEquals(
                ProxyRefused.Reason.INVALID_QUERY,
                assertThrows(ProxyRefused.class, () -> ConfinedPath.parse("/x", Map.of("q", List.of("a\nb"))))
                        .reason());
        assertEquals(
                ProxyRefused.Reason.INVALID_QUERY,
                assertThrows(ProxyRefused.class, () -> ConfinedPath.parse("/x?q=%zz", Map.of()))
                        .reason());
        Map<String, List<String>> many = new LinkedHashMap<>();
        for (int i = 0; i <= ConfinedPath.MAX_QUERY_PARAMETERS; i++) {
            many.put("p" + i, List.of("v"));
        }
        assertEquals(
                ProxyRefused.Reason.INVALID_QUERY,
                assertThrows(ProxyRefused.class, () -> ConfinedPath.parse("/x", many))
                        .reason());
    }
}
