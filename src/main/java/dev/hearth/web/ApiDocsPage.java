package dev.hearth.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API explorer's page, in place of the one the Swagger UI extension generates: that one starts
 * Swagger UI from an inline script, which the Content-Security-Policy (scripts from Hearth's own files
 * only) refuses. This page is the same Swagger UI (its files still come from the extension) started by
 * {@code /assets/api-docs.js}. It answers only the page itself; the request gate has let the caller in.
 */
@Singleton
public class ApiDocsPage {
    /**
     * The dashboard's policy, plus the one inline style Swagger UI's bundle applies (its hash; scripts stay
     * Hearth's files only). A new Swagger UI may apply another: the dashboard test then fails on the CSP
     * violation, and Chromium's message names the hash to put here.
     */
    static final String POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; "
                    + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                    + "frame-ancestors 'none'";

    private final String path;
    private final String page = read();

    public ApiDocsPage(@ConfigProperty(name = "quarkus.swagger-ui.path") String path) {
        this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    void install(@Observes Router router) {
        // before the extension's own handler of the same paths; after the request gate's filters
        for (String p : new String[] {path + "/", path + "/index.html"}) {
            router.get(p)
                    .order(-1)
                    .handler(rc -> rc.response()
                            .putHeader("Content-Type", "text/html; charset=utf-8")
                            .putHeader("Content-Security-Policy", POLICY)
                            .putHeader("Cache-Control", "no-store")
                            .end(page));
        }
    }

    private static String read() {
        try (InputStream in = ApiDocsPage.class.getResourceAsStream("/web/api-docs.html")) {
            if (in == null) throw new IllegalStateException("/web/api-docs.html missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
