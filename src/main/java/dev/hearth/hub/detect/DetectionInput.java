package dev.hearth.hub.detect;

import java.util.Map;

/** A service as detection sees it: its name, registered address, container image (or empty) and labels. */
public record DetectionInput(String service, String baseUrl, String image, Map<String, String> labels) {
    public DetectionInput {
        labels = Map.copyOf(labels);
    }
}
