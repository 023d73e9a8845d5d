/**
 * The proxy core: a caller's path and parameters turned into a call under a service's registered base URL and
 * nowhere else, sent through the generic client with the service's credentials, and the answer put in the seed's
 * shape. Pure logic and forwarding; the REST route is a door added later.
 */
@NullMarked
package dev.hearth.hub.proxy;

import org.jspecify.annotations.NullMarked;
