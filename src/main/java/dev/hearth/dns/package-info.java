/**
 * Public DNS for what the home server exposes: a CNAME to the tunnel (proxied) and the tunnel's ingress rule for a
 * web service, plain DNS-only records (A, AAAA, SRV) for what a tunnel does not carry, such as Minecraft; the
 * tunnel's status. Providers sit behind {@link dev.hearth.dns.DnsProvider}; Cloudflare is the one today.
 */
@NullMarked
package dev.hearth.dns;

import org.jspecify.annotations.NullMarked;
