package dev.hearth.notify;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.config.Secret;
import java.util.List;
import java.util.Map;

/**
 * One notification channel: a {@code type} and, under a key of that name, the type's settings (its kind's
 * own record: {@code telegram: {bot_token, chat_ids}}), or all of it as one Apprise-style {@code url}
 * ({@code tgram://token/chat}), which is read into that long form before the channel is bound.
 * {@code sources}, when not empty, keeps the channel to notifications from those features.
 *
 * @param settings the block of each key that is not a field here, by key: only the type's own is allowed
 */
public record ChannelConfig(
        String name,
        String type,
        @Secret String url,
        String minLevel,
        List<String> sources,
        QuietHours quietHours,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> settings) {

    public ChannelConfig {
        name = name == null ? "" : name;
        type = type == null ? "" : type;
        url = url == null ? "" : url;
        minLevel = minLevel == null || minLevel.isBlank() ? "info" : minLevel;
        sources = sources == null ? List.of() : List.copyOf(sources);
        quietHours = quietHours == null ? new QuietHours("", "", "") : quietHours;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The block of the channel's type, unbound (empty when absent). */
    public JsonNode block() {
        JsonNode b = settings.get(type);
        return b == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : b;
    }
}
