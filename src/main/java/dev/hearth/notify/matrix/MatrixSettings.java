package dev.hearth.notify.matrix;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;

/** A matrix channel's block: the homeserver, the sending account's access token, and the room (its id, {@code !…:server}). */
public record MatrixSettings(String homeserver, @Secret String accessToken, String roomId) implements Validated {
    public MatrixSettings {
        homeserver = homeserver == null ? "" : homeserver;
        accessToken = accessToken == null ? "" : accessToken;
        roomId = roomId == null ? "" : roomId;
    }

    @Override
    public void validate(Problems p) {
        p.httpUrl(homeserver, "homeserver");
        p.check(!accessToken.isBlank(), "access_token", "must be the sending account's access token");
        p.check(
                roomId.matches("![^:\\s]+:\\S+"),
                "room_id",
                "must be a room id like !abcdef:example.org (Room settings → Advanced)");
    }
}
