package dev.hearth.notify.email;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.notify.ChannelUrls;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierKind;
import dev.hearth.notify.RateRule;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mail providers throttle senders who burst; one mail every 2 s and 100 an hour keep a home server in good standing. */
public final class EmailKind implements NotifierKind<EmailSettings> {
    @Override
    public String type() {
        return "email";
    }

    @Override
    public String documentation() {
        return "mail over SMTP (host, port, username, password, from, to, starttls); URL mailtos://<user>:<password>@<smtp host>[:port]?to=<a>,<b>&from=<c>";
    }

    @Override
    public Class<EmailSettings> settings() {
        return EmailSettings.class;
    }

    @Override
    public List<RateRule> limits() {
        return List.of(
                new RateRule.Spacing(Duration.ofSeconds(2), RateRule.all()),
                new RateRule.Overall(100, Duration.ofHours(1)));
    }

    @Override
    public Notifier create(String channel, EmailSettings settings, KindContext context) {
        return new EmailNotifier(settings);
    }

    @Override
    public Set<String> schemes() {
        return Set.of("mailto", "mailtos");
    }

    /**
     * Apprise's form: {@code mailtos://<user>:<password>@<smtp host>[:port]?to=<a>,<b>&from=<c>}; {@code mailtos}
     * requires STARTTLS, {@code mailto} sends in clear (only for a server on this machine). Without {@code from}
     * the sender is {@code <user>@<host>}; without {@code to}, the sender itself.
     */
    @Override
    public ObjectNode fromUrl(URI url) {
        String user = ChannelUrls.userInfo(url);
        ObjectNode block = ChannelUrls.block();
        String username = "";
        if (user != null) {
            int colon = user.indexOf(':');
            username = colon < 0 ? user : user.substring(0, colon);
            block.put("username", username);
            if (colon >= 0) block.put("password", user.substring(colon + 1));
        }
        if (url.getHost() == null)
            throw new IllegalArgumentException(
                    "a mailto:// URL names the SMTP server: mailtos://<user>:<password>@<smtp host>");
        block.put("host", url.getHost());
        if (url.getPort() > 0) block.put("port", url.getPort());
        block.put("starttls", url.getScheme().equalsIgnoreCase("mailtos"));
        Map<String, String> q = ChannelUrls.query(url);
        String from = q.getOrDefault("from", username.contains("@") ? username : username + "@" + url.getHost());
        block.put("from", from);
        ArrayNode to = block.putArray("to");
        Arrays.stream(q.getOrDefault("to", from).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(to::add);
        return block;
    }
}
