/**
 * What the media integrations share: the upstream settings derived from a service's target, the check of a
 * required key, and lenient reading of the upstreams' JSON (many of them send numbers as strings and leave
 * empty arrays out).
 */
@NullMarked
package dev.hearth.media.clients;

import org.jspecify.annotations.NullMarked;
