package dev.hearth.dns;

import java.util.List;

/**
 * What the DNS feature needs from a DNS provider: the records of one zone, and the tunnel public hostnames go
 * through. Failures are {@link DnsException}s naming what went wrong in words a person can act on.
 */
public interface DnsProvider {
    /** The zone's domain, e.g. {@code example.org}. */
    String zone();

    List<DnsRecord> records();

    DnsRecord create(NewRecord record);

    DnsRecord update(String id, NewRecord record);

    void delete(String id);

    /** @throws DnsException when no tunnel is configured */
    TunnelStatus tunnel();

    /** The tunnel's public hostnames, when they are managed at the provider; empty when cloudflared's own file holds them. */
    List<IngressRule> ingress();

    /** Replaces the public hostnames (the catch-all rule is the provider's to add). */
    void putIngress(List<IngressRule> rules);
}
