package dev.hearth.hub.proxy;

import dev.hearth.hub.client.ApiCredentials;
import dev.hearth.hub.client.AuthHints;
import java.net.URI;

/**
 * A registered service as the proxy sees it: its name, its base URL (the only place calls go), its credentials
 * (from the vault, laid over hearth.yml's), what is known of its auth, its allow-list, and whether it may be on
 * this machine's loopback (a service configured by the owner may; one announced by a container label may not).
 */
public record ProxyTarget(
        String service,
        URI baseUrl,
        ApiCredentials credentials,
        AuthHints hints,
        AllowList allowList,
        boolean loopbackAllowed) {

    public static ProxyTarget of(String service, URI baseUrl, ApiCredentials credentials) {
        return new ProxyTarget(service, baseUrl, credentials, AuthHints.none(), AllowList.everything(), true);
    }

    public ProxyTarget withAllowList(AllowList list) {
        return new ProxyTarget(service, baseUrl, credentials, hints, list, loopbackAllowed);
    }

    public ProxyTarget withHints(AuthHints h) {
        return new ProxyTarget(service, baseUrl, credentials, h, allowList, loopbackAllowed);
    }

    public ProxyTarget withLoopbackAllowed(boolean allowed) {
        return new ProxyTarget(service, baseUrl, credentials, hints, allowList, allowed);
    }
}
