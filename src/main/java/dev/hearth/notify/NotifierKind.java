package dev.hearth.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A channel type: its id as written in {@code notifications.channels[].type}, a line of documentation, the
 * record of its settings (the block under that id; secrets marked with {@code @Secret}, checks in
 * {@code Validated}), its upstream's published limits, and a factory. Registered with one line in
 * {@code META-INF/services/dev.hearth.notify.NotifierKind}: a public no-argument constructor, no CDI.
 *
 * @param <S> the settings record
 */
public interface NotifierKind<S extends Record> {
    String type();

    /** One line for docs/configuration.md: what it sends to and which settings it needs. */
    String documentation();

    Class<S> settings();

    List<RateRule> limits();

    /**
     * Channels with the same key share one pace: two channels on one Telegram bot count against the bot's limits
     * together. By default each channel has its own.
     */
    default String limitKey(String channel, S settings) {
        return channel;
    }

    Notifier create(String channel, S settings, KindContext context);

    /** The Apprise-style URL schemes this kind reads ({@code tgram}), so a channel can be one line: {@code url: tgram://…}. */
    default Set<String> schemes() {
        return Set.of();
    }

    /**
     * The settings block a URL of one of {@link #schemes()} stands for, as written in hearth.yml. Throws
     * {@link IllegalArgumentException} with what is missing, never quoting a secret part of the URL.
     */
    default ObjectNode fromUrl(URI url) {
        throw new IllegalArgumentException("channel type '" + type() + "' takes no URL");
    }
}
