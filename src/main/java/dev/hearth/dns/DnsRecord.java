package dev.hearth.dns;

import org.jspecify.annotations.Nullable;

/**
 * A DNS record as the provider holds it. {@code content} is the address or target; an SRV record carries its
 * parts in {@code srv} instead.
 *
 * @param ttl seconds, 1 for the provider's automatic choice
 */
public record DnsRecord(
        String id,
        String type,
        String name,
        String content,
        boolean proxied,
        int ttl,
        @Nullable Srv srv,
        String comment) {

    /** The parts of an SRV record ({@code _minecraft._tcp.mc.example.org → 0 5 25565 home.example.org}). */
    public record Srv(int priority, int weight, int port, String target) {}
}
