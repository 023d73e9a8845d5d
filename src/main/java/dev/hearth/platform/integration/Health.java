package dev.hearth.platform.integration;

import java.time.Instant;

/**
 * The one health vocabulary (openHAB's ThingStatus): ONLINE, OFFLINE with a reason, or UNKNOWN, always
 * with a message a person can act on.
 */
public record Health(Status status, Detail detail, String message, Instant checkedAt, long latencyMs) {

    public enum Status {
        ONLINE,
        OFFLINE,
        UNKNOWN
    }

    public enum Detail {
        NONE,
        CONFIGURATION_ERROR,
        COMMUNICATION_ERROR,
        AUTH_ERROR
    }

    public static Health unknown(Instant at) {
        return new Health(Status.UNKNOWN, Detail.NONE, "not checked yet", at, 0);
    }

    public static Health online(String message, Instant at, long latencyMs) {
        return new Health(Status.ONLINE, Detail.NONE, message, at, latencyMs);
    }

    public static Health offline(Detail detail, String message, Instant at, long latencyMs) {
        return new Health(Status.OFFLINE, detail, message, at, latencyMs);
    }
}
