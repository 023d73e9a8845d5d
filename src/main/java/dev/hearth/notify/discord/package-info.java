/** Discord webhook notifier (embeds). */
@NullMarked
package dev.hearth.notify.discord;

import org.jspecify.annotations.NullMarked;
