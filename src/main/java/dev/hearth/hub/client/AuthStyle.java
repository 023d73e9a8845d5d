package dev.hearth.hub.client;

import java.util.Locale;
import java.util.Optional;

/** How a service wants its callers to prove who they are. */
public enum AuthStyle {
    /** Nothing: the API is open. */
    NONE,
    /** A key in a header ({@code X-Api-Key} unless the service names another). */
    API_KEY_HEADER,
    /** A key as a query parameter ({@code apikey} unless the service names another). */
    API_KEY_QUERY,
    /** A token the owner made, sent as {@code Authorization: Bearer}. */
    BEARER,
    /** A JWT got by posting user name and password to a login endpoint, sent as a bearer token. */
    LOGIN_JWT,
    /** An opaque token got from a login endpoint, sent as a bearer token. */
    LOGIN_TOKEN,
    /** A session cookie set by a login endpoint. */
    SESSION_COOKIE,
    /** HTTP basic auth on every call. */
    BASIC,
    /** Credentials travel inside the request body (JSON-RPC: aria2's token, Deluge's login): a Hearth integration speaks it, the generic client cannot. */
    IN_BODY,
    /** The service wants credentials, which kind is found at the first call. */
    UNKNOWN;

    /** The name used in JSON and labels: {@code api_key_header}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuthStyle> fromWire(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (AuthStyle s : values()) {
            if (s.name().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A token from a login endpoint, renewed by logging in again on 401. */
    public boolean isLogin() {
        return this == LOGIN_JWT || this == LOGIN_TOKEN || this == SESSION_COOKIE;
    }
}
