package dev.hearth.notify;

import dev.hearth.platform.config.HearthConfig;
import java.util.List;

/**
 * A channel type's descriptor: its id as written in {@code notifications.channels[].type}, its upstream's
 * limits, and a factory. Each channel package has one, as a CDI bean; adding a channel type is one package,
 * its config block and its documentation rows.
 */
public interface NotifierKind {
    String type();

    List<RateRule> limits();

    /**
     * Channels with the same key share one pace: two channels on one Telegram bot count against the bot's limits
     * together. By default each channel has its own.
     */
    default String limitKey(HearthConfig.Channel channel) {
        return channel.name();
    }

    Notifier create(HearthConfig.Channel channel, NotifierContext context);
}
