/** Cloudflare API v4: zones, DNS records, cfd_tunnel and its remotely-managed configuration, within the API's rate limit. */
@NullMarked
package dev.hearth.dns.cloudflare;

import org.jspecify.annotations.NullMarked;
