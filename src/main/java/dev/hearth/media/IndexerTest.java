package dev.hearth.media;

import java.util.List;

/** The outcome of asking the service to test one indexer; {@code failures} say what is wrong. */
public record IndexerTest(String indexerId, boolean ok, List<String> failures) {
    public IndexerTest {
        failures = List.copyOf(failures);
    }
}
