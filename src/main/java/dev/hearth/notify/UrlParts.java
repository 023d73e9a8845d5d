package dev.hearth.notify;

import java.net.URI;

/**
 * A full URL cut into a base (up to the last {@code /}) and the rest, because the HTTP stack's base URL takes
 * no query and its paths are relative: {@code https://h/hooks/abc?x=1} → {@code https://h/hooks/} + {@code abc?x=1}.
 */
public record UrlParts(URI base, String path) {
    public static UrlParts of(String url) {
        int q = url.indexOf('?');
        int cut = url.lastIndexOf('/', q < 0 ? url.length() - 1 : q);
        return new UrlParts(URI.create(url.substring(0, cut + 1)), url.substring(cut + 1));
    }
}
