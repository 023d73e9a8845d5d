package dev.hearth.downloads.qbittorrent;

import dev.hearth.platform.http.SessionLogin;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST auth/login}, read the way each generation answers: up to 5.1 a refusal is
 * {@code 200 "Fails."} (a 200 that must not count as success), from 5.2 a success is {@code 204}
 * with a cookie named {@code QBT_SID_<port>} and a refusal is {@code 401}. The cookie jar keeps
 * whichever cookie arrives. No Referer or Origin is sent: qBittorrent accepts requests with neither,
 * and a value that differs from its own idea of the host (a reverse proxy, a Docker port mapping)
 * would be refused with 401.
 */
final class QbittorrentLogin implements SessionLogin {

    private final String username;
    private final String password;

    QbittorrentLogin(String username, String password) {
        this.username = username;
        this.password = password;
    }

    @Override
    public void login(UpstreamClient raw) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        UpstreamResponse r = raw.postForm("api/v2/auth/login", form);
        switch (r.status()) {
            case 204 -> {}
            case 200 -> {
                if (!r.text().strip().equals("Ok.")) {
                    throw refused(raw);
                }
            }
            case 401 -> throw refused(raw);
            case 403 ->
                throw new UpstreamException.AuthFailed(
                        raw.name(),
                        "qBittorrent has banned this address after"
                                + " too many failed logins; fix the password, then wait for the ban to end (1 hour by default)"
                                + " or restart qBittorrent");
            default -> raw.successful(r);
        }
    }

    private static UpstreamException.AuthFailed refused(UpstreamClient raw) {
        // Hearth tries once and then waits: qBittorrent bans the address after 5 failures.
        return new UpstreamException.AuthFailed(
                raw.name(),
                "qBittorrent refused the user name or password;"
                        + " correct them in the service's credentials (Hearth will not try again until then)");
    }

    @Override
    public String toString() {
        return "QbittorrentLogin[username=" + username + ", password=***]";
    }
}
