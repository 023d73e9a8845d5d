package dev.hearth.hub.importer;

import java.util.List;

/**
 * What an import read: the services; the entries skipped, with why; and the services imported without a credential
 * the file named but did not hold, with what to set.
 */
public record ImportResult(List<ImportedService> services, List<String> skipped, List<String> incomplete) {
    public ImportResult {
        services = List.copyOf(services);
        skipped = List.copyOf(skipped);
        incomplete = List.copyOf(incomplete);
    }
}
