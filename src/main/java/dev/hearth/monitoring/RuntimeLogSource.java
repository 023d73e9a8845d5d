package dev.hearth.monitoring;

import dev.hearth.platform.web.ApiException;
import dev.hearth.services.RuntimeDispatch;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A service's own output for {@code GET /api/v1/logs?source=service:<name>}: its container's or program's log. */
@Singleton
class RuntimeLogSource implements ServiceLogSource {
    private final RuntimeDispatch services;

    RuntimeLogSource(RuntimeDispatch services) {
        this.services = services;
    }

    @Override
    public Optional<List<Line>> lines(String service, int limit, Instant since) {
        try {
            return Optional.of(services.logs(service, limit, since.equals(Instant.EPOCH) ? null : since).stream()
                    .map(l -> new Line(l.time() == null ? Instant.EPOCH : l.time(), l.stream(), l.text()))
                    .toList());
        } catch (ApiException noRuntime) {
            // reachable by URL only (or not known to the catalog): nothing here reads its log
            return Optional.empty();
        }
    }
}
