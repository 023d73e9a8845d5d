/** Downloads internals: the task store, pollers, completion bookkeeping, input parsing. Not for other features or doors. */
@NullMarked
package dev.hearth.downloads.internal;

import org.jspecify.annotations.NullMarked;
