package dev.hearth.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reading Apprise-style channel URLs ({@code tgram://token/chat}, {@code ntfys://host/topic}): the parts of a
 * URL as its kind needs them, decoded. Kinds use it in {@link NotifierKind#fromUrl}.
 */
public final class ChannelUrls {
    private ChannelUrls() {}

    /** The authority as written (a Telegram token's colon makes it no host:port). */
    public static String authority(URI url) {
        String a = url.getRawAuthority();
        return a == null ? "" : decode(a);
    }

    /** The host and port, without user info. */
    public static String hostAndPort(URI url) {
        String a = url.getRawAuthority() == null ? "" : url.getRawAuthority();
        int at = a.lastIndexOf('@');
        return decode(at < 0 ? a : a.substring(at + 1));
    }

    /** The user info before {@code @}, decoded, or null. */
    public static @Nullable String userInfo(URI url) {
        String a = url.getRawAuthority() == null ? "" : url.getRawAuthority();
        int at = a.lastIndexOf('@');
        return at < 0 ? null : decode(a.substring(0, at));
    }

    /** The non-empty path segments, decoded. */
    public static List<String> segments(URI url) {
        String p = url.getRawPath() == null ? "" : url.getRawPath();
        List<String> out = new ArrayList<>();
        Arrays.stream(p.split("/"))
                .filter(s -> !s.isEmpty())
                .map(ChannelUrls::decode)
                .forEach(out::add);
        return out;
    }

    /** The query's parameters, decoded; a repeated one keeps its last value. */
    public static Map<String, String> query(URI url) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = url.getRawQuery();
        if (q == null || q.isEmpty()) return out;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    public static ObjectNode block() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
