package dev.hearth.hub.detect;

import java.time.Duration;

/**
 * How detection stays bounded: each probe's timeout, how many probes run at once across every service, and how much
 * of an answer is read (enough to tell JSON from a login page, never a whole download).
 */
public record DetectionLimits(Duration probeTimeout, int parallelProbes, int answerBytes) {
    public static final DetectionLimits DEFAULT = new DetectionLimits(Duration.ofMillis(1500), 64, 16 * 1024);
}
