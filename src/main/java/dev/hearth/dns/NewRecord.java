package dev.hearth.dns;

import org.jspecify.annotations.Nullable;

/** A record to create or to put in place of one: as {@link DnsRecord}, without the provider's id. */
public record NewRecord(
        String type,
        String name,
        String content,
        boolean proxied,
        int ttl,
        DnsRecord.@Nullable Srv srv,
        String comment) {}
