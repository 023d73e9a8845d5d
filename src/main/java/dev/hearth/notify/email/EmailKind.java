package dev.hearth.notify.email;

import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierContext;
import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.RateRule;
import dev.hearth.platform.config.HearthConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/** Mail providers throttle senders who burst; one mail every 2 s and 100 an hour keep a home server in good standing. */
@Singleton
public class EmailKind implements NotifierKind {
    @Override
    public String type() {
        return "email";
    }

    @Override
    public List<RateRule> limits() {
        return List.of(new RateRule.Spacing(Duration.ofSeconds(2), RateRule.all()), new RateRule.Overall(100, Duration.ofHours(1)));
    }

    @Override
    public Notifier create(HearthConfig.Channel channel, NotifierContext context) {
        return new EmailNotifier(channel.email());
    }
}
