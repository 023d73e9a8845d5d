package dev.hearth.downloads.deluge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.http.SessionLogin;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;

/**
 * {@code auth.login} with the Web UI password, then a connection to the daemon. deluge-web answers
 * a wrong password with {@code result:false} and no error, so the result must be checked. A fresh
 * deluge-web (or one restarted) is connected to no daemon, and every {@code core.*} call then fails
 * as an unknown method; connecting here makes a new session usable at once.
 */
final class DelugeLogin implements SessionLogin {

    private final DelugeRpc rpc;
    private final String password;

    DelugeLogin(DelugeRpc rpc, String password) {
        this.rpc = rpc;
        this.password = password;
    }

    @Override
    public void login(UpstreamClient raw) {
        JsonNode ok = DelugeRpc.result(raw, "auth.login", rpc.send(raw, "auth.login", password));
        if (!ok.asBoolean()) {
            throw new UpstreamException.AuthFailed(
                    raw.name(),
                    "deluge-web refused the password;"
                            + " correct it in the service's credentials (it is the Web UI password, 'deluge' by default)");
        }
        connectDaemon(rpc, raw);
    }

    /** Connects deluge-web to its first configured daemon unless it is connected; answers whether it connected now. */
    static boolean connectDaemon(DelugeRpc rpc, UpstreamClient http) {
        if (DelugeRpc.result(http, "web.connected", rpc.send(http, "web.connected"))
                .asBoolean()) {
            return false;
        }
        JsonNode hosts = DelugeRpc.result(http, "web.get_hosts", rpc.send(http, "web.get_hosts"));
        if (hosts.isEmpty()) {
            throw new UpstreamException.BadResponse(
                    http.name(), "deluge-web knows no daemon;" + " add one in its Connection Manager", null);
        }
        String hostId = hosts.get(0).get(0).asText();
        DelugeRpc.Reply reply = rpc.send(http, "web.connect", hostId);
        DelugeRpc.result(http, "web.connect", reply);
        if (!DelugeRpc.result(http, "web.connected", rpc.send(http, "web.connected"))
                .asBoolean()) {
            throw new UpstreamException.Unreachable(
                    http.name(),
                    "deluge-web answers but cannot reach its daemon ("
                            + hosts.get(0).get(1).asText() + ":"
                            + hosts.get(0).get(2).asText() + "); is deluged running?",
                    null);
        }
        return true;
    }

    @Override
    public String toString() {
        return "DelugeLogin[password=***]";
    }
}
