package dev.hearth.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A service's own log, for {@code GET /api/v1/logs?source=service:<name>}. The services feature
 * implements it for its runtimes (docker logs, a supervised process's output file).
 */
public interface ServiceLogSource {
    /** The newest {@code limit} lines since {@code since}, oldest first; empty when this source does not run that service. */
    Optional<List<Line>> lines(String service, int limit, Instant since);

    /** {@code stream} is stdout or stderr. */
    record Line(Instant timestamp, String stream, String text) {}
}
