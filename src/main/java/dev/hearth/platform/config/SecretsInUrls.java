package dev.hearth.platform.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets that ride inside URLs the way {@code @Secret} values are masked ({@code ********}): the
 * user-info part ({@code user:password@}), query or {@code ;}-parameters whose name says secret
 * ({@code password=}, {@code token=}, {@code passkey=}, {@code apikey=} …, JDBC's {@code ;password=} too),
 * and path segments that look like a key (16+ letters, digits, {@code -} or {@code _}, mixing letters and
 * digits: a tracker's passkey, a webhook's token). A tracker URL has every query value masked, since
 * trackers name their passkeys freely ({@code pid}, {@code uid}, {@code torrent_pass}); a magnet link has
 * its trackers masked inside it. Text that is not a URL is returned unchanged.
 */
public final class SecretsInUrls {
    public static final String MASK = "********";

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s?#]+@");
    private static final Pattern PARAMETER = Pattern.compile("([?&;])([^=&;#\\s]+)=([^&;#\\s]*)");
    private static final Pattern KEY_LIKE_SEGMENT = Pattern.compile("(?<=/)([A-Za-z0-9_-]{16,})(?=[/?#;]|$)");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "pass|pwd|secret|token|key|auth|sig|session|sid|credential|private|cookie", Pattern.CASE_INSENSITIVE);
    /** Magnet parameters that hold URLs: trackers, web seeds, sources. */
    private static final Pattern MAGNET_URL_PARAMETER =
            Pattern.compile("tr(\\.\\d+)?|ws|as|xs|mt", Pattern.CASE_INSENSITIVE);

    private SecretsInUrls() {}

    /** A URL from configuration or an answer: masks user-info, secret-named parameters and key-like segments. */
    public static String redact(String text) {
        if (!looksLikeUrl(text)) return text;
        if (text.regionMatches(true, 0, "magnet:", 0, 7)) return magnet(text);
        return mask(text, false);
    }

    /** A tracker's announce URL: every query value is masked, besides what {@link #redact} masks. */
    public static String redactTracker(String url) {
        if (!looksLikeUrl(url)) return url;
        return mask(url, true);
    }

    private static boolean looksLikeUrl(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("://") || t.startsWith("jdbc:") || t.startsWith("magnet:");
    }

    private static String mask(String url, boolean everyValue) {
        String out = USER_INFO.matcher(url).replaceAll(Matcher.quoteReplacement(MASK + "@"));
        Matcher p = PARAMETER.matcher(out);
        StringBuilder b = new StringBuilder();
        while (p.find()) {
            boolean secret = everyValue || SECRET_NAME.matcher(p.group(2)).find();
            String value = secret && !p.group(3).isEmpty() ? MASK : p.group(3);
            p.appendReplacement(b, Matcher.quoteReplacement(p.group(1) + p.group(2) + "=" + value));
        }
        p.appendTail(b);
        Matcher s = KEY_LIKE_SEGMENT.matcher(b.toString());
        StringBuilder c = new StringBuilder();
        while (s.find()) {
            String segment = s.group(1);
            boolean keyLike = segment.chars().anyMatch(Character::isDigit)
                    && segment.chars().anyMatch(Character::isLetter);
            s.appendReplacement(c, Matcher.quoteReplacement(keyLike ? MASK : segment));
        }
        s.appendTail(c);
        return c.toString();
    }

    /** {@code magnet:?xt=…&tr=<encoded tracker URL>}: the hash and name stay, the trackers inside are masked. */
    private static String magnet(String link) {
        Matcher p = PARAMETER.matcher(link);
        StringBuilder b = new StringBuilder();
        while (p.find()) {
            String value = p.group(3);
            if (MAGNET_URL_PARAMETER.matcher(p.group(2)).matches() && !value.isEmpty()) {
                String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
                String masked = redactTracker(decoded);
                value = masked.equals(decoded) ? value : URLEncoder.encode(masked, StandardCharsets.UTF_8);
            }
            p.appendReplacement(b, Matcher.quoteReplacement(p.group(1) + p.group(2) + "=" + value));
        }
        p.appendTail(b);
        return b.toString();
    }
}
