package dev.hearth.dns;

/**
 * A hostname published through the tunnel: its proxied CNAME, and what happened to the tunnel's ingress rule
 * ({@code added}, {@code updated}, {@code unchanged}, or {@code not_managed} when cloudflared's own file holds the rules).
 */
public record Exposure(String hostname, String origin, DnsRecord record, String ingress, String note) {}
