package dev.hearth.minecraft;

import java.util.List;

/** What a server says of itself to a Server List Ping. */
public record ServerStatus(
        String version,
        int protocol,
        int playersOnline,
        int playersMax,
        List<String> sample,
        String motd,
        long latencyMs) {
    public ServerStatus {
        sample = List.copyOf(sample);
    }
}
