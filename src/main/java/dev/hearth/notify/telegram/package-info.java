/** Telegram Bot API notifier (sendMessage, MarkdownV2). */
@NullMarked
package dev.hearth.notify.telegram;

import org.jspecify.annotations.NullMarked;
