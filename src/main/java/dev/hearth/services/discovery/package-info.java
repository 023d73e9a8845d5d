/**
 * Discovery: containers become services from their labels — Hearth's own ({@code hearth.*}), Homepage's
 * ({@code homepage.*}) and Traefik's router rules — and from Traefik's API for containers routed by its
 * default rule. Public: {@link dev.hearth.services.discovery.LabelDiscovery} and its report records.
 */
@org.jspecify.annotations.NullMarked
package dev.hearth.services.discovery;
