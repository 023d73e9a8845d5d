package dev.hearth.services.docker;

/**
 * From {@code GET /version}.
 *
 * @param version       the engine's release, e.g. "20.10.24+dfsg1"
 * @param apiVersion    the newest API the engine speaks
 * @param minApiVersion the oldest API the engine still accepts
 * @param negotiated    what this client speaks to it
 */
public record EngineVersion(
        String version,
        String apiVersion,
        String minApiVersion,
        String os,
        String arch,
        String kernelVersion,
        String negotiated) {}
