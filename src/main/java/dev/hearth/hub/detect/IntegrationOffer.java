package dev.hearth.hub.detect;

import java.util.List;

/**
 * A Hearth integration kind that speaks a detected type's API, and the credential fields it needs (the vault's
 * names): what the wiring offers the owner ("qBittorrent found: use the qbittorrent integration? username, password").
 */
public record IntegrationOffer(String kind, List<String> fields) {
    public IntegrationOffer {
        fields = List.copyOf(fields);
    }
}
