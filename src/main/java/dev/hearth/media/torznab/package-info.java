/**
 * The {@code torznab} integration: any Torznab endpoint (Jackett's {@code …/results/torznab/}, a
 * Prowlarr indexer's {@code /{id}/}, others), the API key in the {@code apikey} query parameter as the
 * specification has it. Calls: {@code GET api?t=caps} (health, the indexer's categories) and
 * {@code GET api?t=search&q=&cat=&limit=}. Answers are RSS 2.0 with {@code torznab:attr} elements.
 */
@NullMarked
package dev.hearth.media.torznab;

import org.jspecify.annotations.NullMarked;
