/** Doors for clients written against the seed documents: each seed's paths, names and envelopes under /compat/&lt;seed&gt;, translated onto Hearth's feature services and action catalog; no logic of their own. */
@NullMarked
package dev.hearth.compat;

import org.jspecify.annotations.NullMarked;
