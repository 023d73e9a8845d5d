/** REST doors onto the downloads feature: tasks, downloads, completion webhook, per-user stats, the seed's Deluge routes. */
@NullMarked
package dev.hearth.downloads.api;

import org.jspecify.annotations.NullMarked;
