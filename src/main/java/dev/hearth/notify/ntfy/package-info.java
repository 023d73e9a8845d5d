/** ntfy notifier (publish with headers). */
@NullMarked
package dev.hearth.notify.ntfy;

import org.jspecify.annotations.NullMarked;
