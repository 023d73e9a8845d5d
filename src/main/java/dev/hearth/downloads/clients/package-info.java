/**
 * What the four download-client integrations share: info-hashes of magnets and .torrent files, the
 * upstream settings derived from a service's target, and one mapping of failures to health.
 */
@NullMarked
package dev.hearth.downloads.clients;

import org.jspecify.annotations.NullMarked;
