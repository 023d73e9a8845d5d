/**
 * The generic API client: any service with an HTTP API, on the platform HTTP stack (its timeouts, answer-size
 * bound and no-redirect rule), with the auth style found by itself when not given: a token or a session cookie
 * from a login endpoint (the seed's common ones tried in turn), an API key in a header or the query, or basic auth.
 */
@NullMarked
package dev.hearth.hub.client;

import org.jspecify.annotations.NullMarked;
