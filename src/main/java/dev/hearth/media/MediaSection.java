package dev.hearth.media;

import dev.hearth.platform.config.ConfigSection;
import java.util.List;

/** Registers the {@code media} section of hearth.yml (META-INF/services). */
public final class MediaSection implements ConfigSection<MediaConfig> {
    @Override
    public String key() {
        return "media";
    }

    @Override
    public Class<MediaConfig> type() {
        return MediaConfig.class;
    }

    @Override
    public MediaConfig defaults() {
        return new MediaConfig(
                MediaConfig.Download.DEFAULTS, List.of(), List.of(), new MediaConfig.Webhooks("", "", "", ""));
    }
}
