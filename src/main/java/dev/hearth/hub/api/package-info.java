/** The hub's REST door under {@code /api/v1/services/{name}}: detection, credentials (write-only) and the proxy. */
@NullMarked
package dev.hearth.hub.api;

import org.jspecify.annotations.NullMarked;
