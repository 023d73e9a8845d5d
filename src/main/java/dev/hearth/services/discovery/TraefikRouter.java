package dev.hearth.services.discovery;

/**
 * One router from Traefik's {@code /api/http/routers}.
 *
 * @param name     as Traefik names it, e.g. {@code whoami@docker}
 * @param service  the Traefik service it routes to, e.g. {@code whoami} (a container's default service name)
 * @param tls      whether it terminates TLS (the URL is then https)
 */
public record TraefikRouter(String name, String rule, String service, String provider, boolean tls) {}
