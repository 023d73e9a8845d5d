/** The outbox, the per-channel sender and its rate limiter; only the notify feature uses them. */
@NullMarked
package dev.hearth.notify.internal;

import org.jspecify.annotations.NullMarked;
