package dev.hearth.web;

import dev.hearth.platform.web.BrowserPages;
import jakarta.inject.Singleton;
import java.util.List;

/** The dashboard's way in, as the request gate needs it: the login page, its API, and the static files anyone may load. */
@Singleton
public class WebEntrance implements BrowserPages {
    @Override
    public String loginPage() {
        return "/login";
    }

    @Override
    public String loginRoute() {
        return "/api/v1/auth/login";
    }

    /** The assets hold no secrets (every figure comes from the authenticated API); the login page needs them before a login. */
    @Override
    public List<String> publicPrefixes() {
        return List.of("/assets/", "/favicon.ico");
    }
}
