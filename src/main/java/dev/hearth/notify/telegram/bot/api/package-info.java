/** The Telegram bot's doors: the webhook Telegram calls (its own secret), and the bot's status for the dashboard. */
@NullMarked
package dev.hearth.notify.telegram.bot.api;

import org.jspecify.annotations.NullMarked;
