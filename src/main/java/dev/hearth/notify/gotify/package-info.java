/** Gotify notifier (POST /message). */
@NullMarked
package dev.hearth.notify.gotify;

import org.jspecify.annotations.NullMarked;
