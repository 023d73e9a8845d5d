/**
 * The Telegram chat bot: long polling or a webhook, an allow-list mapping Telegram users and chats to Hearth roles,
 * commands and free text through the assistant, torrents and magnets into downloads, completions back to the chat.
 */
@NullMarked
package dev.hearth.notify.telegram.bot;

import org.jspecify.annotations.NullMarked;
