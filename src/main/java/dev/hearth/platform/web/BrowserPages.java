package dev.hearth.platform.web;

import java.util.List;

/**
 * What the web door tells the request gate about the browser's way in, so the platform names no page:
 * where a browser without a session is sent, where the login API is, and which path prefixes are static
 * files anyone may fetch (the login page needs its script and style before anyone is logged in).
 */
public interface BrowserPages {
    String loginPage();

    String loginRoute();

    List<String> publicPrefixes();
}
