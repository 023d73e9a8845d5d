/** Pushover notifier: the Message API's {@code POST /1/messages.json}. */
@NullMarked
package dev.hearth.notify.pushover;

import org.jspecify.annotations.NullMarked;
