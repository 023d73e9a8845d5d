package dev.hearth.services.docker;

/**
 * A container port published on the host, as {@code GET /containers/json} lists it under {@code Ports}.
 *
 * @param hostIp        the address it is bound to on the host ({@code 0.0.0.0} or {@code ::} for every one)
 * @param port          the port on the host
 * @param containerPort the port inside the container
 * @param protocol      tcp, udp or sctp
 */
public record PublishedPort(String hostIp, int port, int containerPort, String protocol) {}
