package dev.hearth.dns;

import dev.hearth.platform.config.ConfigSection;

/** Registers the {@code dns} section of hearth.yml (META-INF/services). */
public final class DnsSection implements ConfigSection<DnsConfig> {
    @Override
    public String key() {
        return "dns";
    }

    @Override
    public Class<DnsConfig> type() {
        return DnsConfig.class;
    }

    @Override
    public DnsConfig defaults() {
        return new DnsConfig("", DnsConfig.Cloudflare.none());
    }
}
