/**
 * Hearth's one outbound HTTP stack: every integration talks to its upstream through an
 * {@link dev.hearth.platform.http.UpstreamClient} made by {@link dev.hearth.platform.http.HttpStack}.
 * Timeouts on every call, retry only for idempotent calls, a circuit per upstream, and the auth
 * strategies the home-server daemons need. See {@code docs/http-stack.md}.
 */
@NullMarked
package dev.hearth.platform.http;

import org.jspecify.annotations.NullMarked;
