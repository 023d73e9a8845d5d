package dev.hearth.dns;

import org.jspecify.annotations.Nullable;

/**
 * The tunnel public hostnames point at.
 *
 * @param status           {@code healthy}, {@code degraded}, {@code down} or {@code inactive} (never run)
 * @param remotelyManaged  its ingress rules live at the provider (Hearth edits them); else in cloudflared's own config file
 * @param cnameTarget      what an exposed hostname's CNAME points at ({@code <id>.cfargotunnel.com})
 */
public record TunnelStatus(
        String id,
        String name,
        String status,
        boolean remotelyManaged,
        int connections,
        @Nullable String activeSince,
        String cnameTarget) {}
