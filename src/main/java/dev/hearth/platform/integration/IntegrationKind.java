package dev.hearth.platform.integration;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of integration, as data and a factory: its id (as written in {@code services[].integration}),
 * a name and a line of documentation, the record of its settings ({@code services[].credentials}, secrets
 * marked with {@code @Secret}, checks in {@code Validated}), the capabilities it offers, and how to make
 * an instance for a service. Registered with one line in
 * {@code META-INF/services/dev.hearth.platform.integration.IntegrationKind}: it needs a public no-argument
 * constructor and must not need CDI (the context gives it the HTTP stack, JSON and the clock).
 *
 * @param <S> the settings record
 */
public interface IntegrationKind<S extends Record> {

    String id();

    /** As people name the product: {@code qBittorrent}. */
    String name();

    /** One line for {@code GET /api/v1/integrations} and docs/configuration.md: what it is and where its URL points. */
    String documentation();

    Class<S> settings();

    Set<Capability> capabilities();

    Integration create(IntegrationTarget<S> target, KindContext context);

    /**
     * The base URL the client works from, given the URL the user wrote the way the product's own docs or
     * clients write it: aria2's {@code http://host:6800/jsonrpc} gives {@code http://host:6800/}. A
     * reverse-proxy sub-path is kept. By default the URL as written.
     */
    default URI base(URI written) {
        return written;
    }

    default boolean offers(Class<?> api) {
        return capabilities().stream().anyMatch(c -> c.api() == api);
    }

    default <C extends Capability> Optional<C> capability(Class<C> type) {
        return capabilities().stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
