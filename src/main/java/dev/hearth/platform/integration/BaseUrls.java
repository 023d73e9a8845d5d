package dev.hearth.platform.integration;

import java.net.URI;

/** Turns the address a user wrote into the base a client joins its API paths to. */
public final class BaseUrls {
    private BaseUrls() {}

    /**
     * {@code url} without a trailing API endpoint the product's own docs put in its address ({@code /jsonrpc},
     * {@code /json}, {@code /transmission/rpc}), and with a trailing slash, so a reverse-proxy sub-path stays:
     * {@code http://h/aria2/jsonrpc} gives {@code http://h/aria2/}. The first suffix that matches is taken.
     */
    public static URI withoutEndpoint(URI url, String... endpoints) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        for (String endpoint : endpoints) {
            String tail = "/" + endpoint;
            if (path.endsWith(tail)) {
                path = path.substring(0, path.length() - tail.length());
                break;
            }
        }
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + path + "/");
    }
}
