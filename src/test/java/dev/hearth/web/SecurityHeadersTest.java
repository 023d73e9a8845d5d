package dev.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every answer tells the browser to run only Hearth's own code, never in a frame, and not to guess types. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyAnswerCarriesTheBrowserSecurityHeaders() {
        Map<String, Response> answers = Map.of(
                "the login page", Api.anonymous().get("/login"),
                "the dashboard", Api.admin().accept("text/html").get("/"),
                "an asset", Api.anonymous().get("/assets/app.js"),
                "the API", Api.admin().get("/api/v1/status"),
                "an error", Api.anonymous().get("/api/v1/status"),
                "an unknown route", Api.admin().get("/api/v1/no-such-thing"),
                "the API docs", Api.admin().get("/api/v1/docs/"),
                "a redirect", Api.anonymous().accept("text/html").get("/"));
        answers.forEach((what, r) -> {
            String csp = r.header("Content-Security-Policy");
            assertTrue(
                    csp != null
                            && csp.contains("default-src 'self'")
                            && csp.contains("frame-ancestors 'none'")
                            && !csp.contains("unsafe-inline")
                            && !csp.contains("unsafe-eval"),
                    what + ": " + csp);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
            assertEquals("no-referrer", r.header("Referrer-Policy"), what);
            assertEquals("DENY", r.header("X-Frame-Options"), what);
        });
    }

    @Test
    void thePagesHaveNoInlineScriptTheirPolicyWouldBlock() {
        for (String page : List.of("/login", "/")) {
            String html = Api.admin().accept("text/html").get(page).asString();
            assertTrue(
                    !html.matches("(?s).*<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>.*"),
                    page + " has an inline script");
            assertTrue(!html.contains(" style=\""), page + " has an inline style");
        }
    }
}
