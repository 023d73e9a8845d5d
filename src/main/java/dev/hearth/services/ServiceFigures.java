package dev.hearth.services;

import java.util.Optional;

/**
 * Figures a feature keeps about a service it binds, shown by {@code GET /api/v1/services/{name}/stats} in
 * place of the runtime's (a download client's transfer figures, in the shape its seed's clients read). A CDI
 * bean per feature; services asks them without knowing the features, so no feature depends back on it.
 */
public interface ServiceFigures {
    /** The figures for {@code service} (shown under {@code stats}), or empty when this feature does not bind it. */
    Optional<Record> figuresOf(String service);
}
