package dev.hearth.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.FakeWebhook;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.PostgresServer;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's SQL on PostgreSQL: the same migration, collapsing, delivery, a failure kept and the listing. */
class PostgresOutboxTest {
    @Test
    void theOutboxWorksTheSameOnPostgresql(@TempDir Path dir) throws Exception {
        try (PostgresServer pg = PostgresServer.start();
                FakeWebhook hook = new FakeWebhook("/pg", "pg-hmac");
                HttpStack http = new HttpStack(Channels.JSON, Clock.systemUTC())) {
            Database db = new Database(TestConfig.with(
                    dir,
                    Map.of(
                            "hearth.storage.kind",
                            "postgresql",
                            "hearth.storage.url",
                            pg.jdbcUrl(),
                            "hearth.storage.username",
                            pg.user(),
                            "hearth.storage.password",
                            pg.password())));
            hook.failNext(1, 400);
            NotificationService s = Channels.service(
                    db,
                    http,
                    Clock.systemUTC(),
                    Duration.ofMinutes(5),
                    Channels.of(
                            "pg", "webhook", new dev.hearth.notify.webhook.WebhookSettings(hook.hookUrl(), "pg-hmac")));
            s.start();
            try {
                s.notify(new Notification(Level.ERROR, "refused", "", "test", "k1", Instant.now()));
                s.notify(new Notification(Level.WARNING, "sent", "", "test", "k2", Instant.now()));
                assertTrue(s.notify(new Notification(Level.WARNING, "sent", "", "test", "k2", Instant.now()))
                        .collapsed());
                // The receiver records a request before its answer reaches the sender, so wait for the marks, not the
                // arrivals.
                TelegramBurstTest.waitFor(() -> s.pending("pg") == 0, Duration.ofSeconds(5));
                assertEquals(1, hook.accepted.size());
                assertEquals(1, s.countDeliveries(List.of(Delivery.Status.FAILED)));
                List<Delivery> all = s.deliveries(List.of(Delivery.Status.values()), 10, 0);
                assertEquals(
                        List.of("sent", "refused"),
                        all.stream().map(Delivery::title).toList());
                assertEquals(1, all.getFirst().repeats());
                assertTrue(
                        all.getLast().lastError().startsWith("HTTP 400"),
                        all.getLast().lastError());
            } finally {
                s.stop();
            }
        }
    }
}
