package dev.hearth.notify.telegram.bot;

import dev.hearth.platform.events.HearthEvent;

/**
 * A message owed to the chat that asked for something ({@code key}, as the bot remembered it), kept in the outbox
 * until Telegram took it: the notification that raised it and this event are written together.
 */
public record ChatAnnouncement(String key, String text) implements HearthEvent {}
