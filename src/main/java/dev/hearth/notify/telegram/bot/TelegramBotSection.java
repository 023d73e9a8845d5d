package dev.hearth.notify.telegram.bot;

import dev.hearth.platform.config.ConfigSection;
import java.time.Duration;
import java.util.List;

/** Registers the {@code telegram_bot} section of hearth.yml (META-INF/services). */
public final class TelegramBotSection implements ConfigSection<TelegramBotConfig> {
    @Override
    public String key() {
        return "telegram_bot";
    }

    @Override
    public Class<TelegramBotConfig> type() {
        return TelegramBotConfig.class;
    }

    @Override
    public TelegramBotConfig defaults() {
        return new TelegramBotConfig(
                false,
                "",
                "https://api.telegram.org",
                "polling",
                "",
                "",
                Duration.ofSeconds(25),
                10L * 1024 * 1024,
                List.of(),
                List.of());
    }
}
