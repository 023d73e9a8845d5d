/**
 * API detection in the seed's order: labels ({@code hearth.api.*}, the seed's {@code homelab.api.*}), then the name
 * of a known service, then probing 19 common API paths, bounded and in parallel; the result cached for 7 days, and
 * the integration Hearth has for a detected type offered as data.
 */
@NullMarked
package dev.hearth.hub.detect;

import org.jspecify.annotations.NullMarked;
