/**
 * What the four download-client integrations share: info-hashes of magnets and .torrent files, the
 * upstream settings derived from a service's target (failures map to health in platform.integration.HealthProbe).
 */
@NullMarked
package dev.hearth.downloads.clients;

import org.jspecify.annotations.NullMarked;
