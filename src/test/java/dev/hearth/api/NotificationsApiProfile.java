package dev.hearth.api;

import dev.hearth.fakes.FakeWebhook;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A Hearth with two notification channels from a real hearth.yml: a signed webhook to a receiver, and a Telegram bot whose API is down. */
public class NotificationsApiProfile implements QuarkusTestProfile {
    static final String HMAC = "api-test-hmac-secret";
    static final String BOT_TOKEN = "5550001:api-test-bot-token";
    static volatile FakeWebhook receiver;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Receiver.class));
    }

    public static class Receiver implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                receiver = new FakeWebhook("/hearth", HMAC);
                int dead;
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    dead = s.getLocalPort();
                }
                Path dataDir = Files.createTempDirectory("hearth-notify-api-");
                Path yml = Files.createTempFile("hearth-notify-", ".yml");
                Files.writeString(yml, """
                        notifications:
                          channels:
                            - name: hook
                              type: webhook
                              webhook: { url: "%s", hmac_secret: "%s" }
                            - name: phone
                              type: telegram
                              min_level: warning
                              quiet_hours: { start: "22:00", end: "07:00", timezone: UTC }
                              telegram: { bot_token: "%s", chat_ids: ["42"], api_base_url: "http://127.0.0.1:%d" }
                        """.formatted(receiver.hookUrl(), HMAC, BOT_TOKEN, dead));
                return Map.of("hearth.config", yml.toString(), "hearth.data_dir", dataDir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            if (receiver != null) receiver.close();
        }
    }
}
