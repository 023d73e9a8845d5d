package dev.hearth.media;

import java.time.Duration;

/** Someone watching or listening right now. {@code transcoding} is what costs the server CPU. */
public record Stream(
        String sessionId,
        String user,
        MediaItem item,
        PlayState state,
        String player,
        Duration position,
        Duration duration,
        boolean transcoding) {}
