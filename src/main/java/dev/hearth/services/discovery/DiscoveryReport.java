package dev.hearth.services.discovery;

import java.util.List;

/** What a scan found, what it skipped and why, and which endpoints could not be asked. */
public record DiscoveryReport(List<DiscoveredService> found, List<SkippedContainer> skipped, List<String> unreachable) {
    public DiscoveryReport {
        found = List.copyOf(found);
        skipped = List.copyOf(skipped);
        unreachable = List.copyOf(unreachable);
    }
}
