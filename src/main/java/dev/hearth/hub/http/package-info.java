/** The generic HTTP integration: any service with a URL, its health checked by asking that URL. */
@NullMarked
package dev.hearth.hub.http;

import org.jspecify.annotations.NullMarked;
