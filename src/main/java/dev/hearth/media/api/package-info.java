/** The media feature's REST doors under /api/v1/media: reads through its services, every change through the catalog. */
@NullMarked
package dev.hearth.media.api;

import org.jspecify.annotations.NullMarked;
