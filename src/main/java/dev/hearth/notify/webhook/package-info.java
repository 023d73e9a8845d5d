/** Generic JSON webhook notifier, HMAC-SHA256 signed. */
@NullMarked
package dev.hearth.notify.webhook;

import org.jspecify.annotations.NullMarked;
