/** REST doors for notifications: channels, outbox, test. */
@NullMarked
package dev.hearth.notify.api;

import org.jspecify.annotations.NullMarked;
