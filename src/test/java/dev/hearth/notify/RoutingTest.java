package dev.hearth.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.FakeWebhook;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing by level and source, quiet hours, collapsing of repeats, retries from the outbox across a restart. */
class RoutingTest {
    @TempDir
    Path dir;

    private static Notification note(Level level, String title, String source) {
        return Notification.of(level, title, "", source, Instant.now());
    }

    private static List<String> titles(FakeWebhook hook) {
        return hook.accepted.stream().map(r -> r.json().path("title").asText()).toList();
    }

    @Test
    void eachChannelGetsWhatIsAtLeastItsLevelAndFromItsSources() throws Exception {
        try (FakeWebhook all = new FakeWebhook("/all", "");
                FakeWebhook urgent = new FakeWebhook("/urgent", "");
                FakeWebhook downloads = new FakeWebhook("/dl", "");
                HttpStack http = new HttpStack(Channels.JSON, java.time.Clock.systemUTC())) {
            NotificationService s = Channels.service(
                    new Database(TestConfig.sqlite(dir)),
                    http,
                    java.time.Clock.systemUTC(),
                    Duration.ofMinutes(5),
                    Channels.of("all", "webhook", new dev.hearth.notify.webhook.WebhookSettings(all.hookUrl(), "")),
                    Channels.of(
                            "urgent",
                            "webhook",
                            "error",
                            List.of(),
                            null,
                            new dev.hearth.notify.webhook.WebhookSettings(urgent.hookUrl(), "")),
                    Channels.of(
                            "dl",
                            "webhook",
                            "info",
                            List.of("downloads"),
                            null,
                            new dev.hearth.notify.webhook.WebhookSettings(downloads.hookUrl(), "")));
            s.start();
            try {
                s.notify(note(Level.INFO, "ubuntu.iso done", "downloads"));
                s.notify(note(Level.WARNING, "cpu 85%", "monitoring"));
                s.notify(note(Level.CRITICAL, "disk full", "monitoring"));
                TelegramBurstTest.waitFor(
                        () -> all.accepted.size() == 3 && urgent.accepted.size() == 1 && downloads.accepted.size() == 1,
                        Duration.ofSeconds(5));
                assertEquals(List.of("ubuntu.iso done", "cpu 85%", "disk full"), titles(all));
                assertEquals(List.of("disk full"), titles(urgent));
                assertEquals(List.of("ubuntu.iso done"), titles(downloads));
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void quietHoursHoldNonCriticalUntilTheyEndWhileCriticalGoesAtOnce() throws Exception {
        ShiftedClock clock = new ShiftedClock(Instant.parse("2026-11-23T23:30:00Z"));
        try (FakeWebhook hook = new FakeWebhook("/q", "");
                HttpStack http = new HttpStack(Channels.JSON, clock)) {
            NotificationService s = Channels.service(
                    new Database(TestConfig.sqlite(dir)),
                    http,
                    clock,
                    Duration.ofMinutes(5),
                    Channels.of(
                            "q",
                            "webhook",
                            "info",
                            List.of(),
                            new dev.hearth.notify.QuietHours("22:00", "07:00", "UTC"),
                            new dev.hearth.notify.webhook.WebhookSettings(hook.hookUrl(), "")));
            s.start();
            try {
                s.notify(note(Level.WARNING, "held", "monitoring"));
                s.notify(note(Level.CRITICAL, "urgent", "monitoring"));
                TelegramBurstTest.waitFor(() -> hook.accepted.size() == 1, Duration.ofSeconds(5));
                Thread.sleep(300);
                assertEquals(List.of("urgent"), titles(hook));
                Delivery held = s.deliveries(List.of(Delivery.Status.PENDING), 10, 0).stream()
                        .filter(d -> d.title().equals("held"))
                        .findFirst()
                        .orElseThrow();
                assertEquals(Instant.parse("2026-11-24T07:00:00Z"), held.nextAttemptAt());

                clock.jumpTo(Instant.parse("2026-11-24T07:00:01Z"));
                s.wakeAll();
                TelegramBurstTest.waitFor(() -> hook.accepted.size() == 2, Duration.ofSeconds(5));
                assertEquals(List.of("urgent", "held"), titles(hook));
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void repeatsWithinTheWindowCollapseIntoOneMessage() throws Exception {
        try (FakeWebhook hook = new FakeWebhook("/d", "");
                HttpStack http = new HttpStack(Channels.JSON, java.time.Clock.systemUTC())) {
            NotificationService s = Channels.service(
                    new Database(TestConfig.sqlite(dir)),
                    http,
                    java.time.Clock.systemUTC(),
                    Duration.ofMinutes(5),
                    Channels.of("d", "webhook", new dev.hearth.notify.webhook.WebhookSettings(hook.hookUrl(), "")));
            s.start();
            try {
                NotificationService.Routed first = s.notify(
                        new Notification(Level.WARNING, "cpu high", "85%", "monitoring", "cpu", Instant.now()));
                for (int i = 0; i < 4; i++) {
                    assertTrue(s.notify(new Notification(
                                    Level.WARNING, "cpu high", "86%", "monitoring", "cpu", Instant.now()))
                            .collapsed());
                }
                NotificationService.Routed escalated = s.notify(
                        new Notification(Level.CRITICAL, "cpu high", "99%", "monitoring", "cpu", Instant.now()));
                assertTrue(!first.collapsed() && !escalated.collapsed(), "a new level is news, not a repeat");
                // Wait for the marks, not the arrivals: the receiver records a request before its answer is back.
                TelegramBurstTest.waitFor(
                        () -> s.countDeliveries(List.of(Delivery.Status.DELIVERED)) == 2, Duration.ofSeconds(5));
                Thread.sleep(300);
                assertEquals(2, hook.accepted.size());
                Delivery d =
                        s.deliveries(List.of(Delivery.Status.DELIVERED), 10, 0).getLast();
                assertEquals(4, d.repeats());
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void aFailedSendIsRetriedWithBackoffFromTheOutboxAfterARestart() throws Exception {
        try (FakeWebhook hook = new FakeWebhook("/r", "k3y-for-hmac");
                HttpStack http = new HttpStack(Channels.JSON, java.time.Clock.systemUTC())) {
            hook.failNext(1, 503);
            dev.hearth.notify.ChannelConfig channel = Channels.of(
                    "r", "webhook", new dev.hearth.notify.webhook.WebhookSettings(hook.hookUrl(), "k3y-for-hmac"));
            NotificationService first = Channels.service(
                    new Database(TestConfig.sqlite(dir)),
                    http,
                    java.time.Clock.systemUTC(),
                    Duration.ofMinutes(5),
                    channel);
            first.start();
            first.notify(note(Level.ERROR, "backup failed", "backups"));
            TelegramBurstTest.waitFor(() -> hook.requests.size() == 1, Duration.ofSeconds(5));
            Thread.sleep(200);
            first.stop();
            Delivery waiting =
                    first.deliveries(List.of(Delivery.Status.PENDING), 10, 0).getFirst();
            assertEquals(1, waiting.attempts());
            assertTrue(waiting.lastError().startsWith("HTTP 503"), waiting.lastError());
            long left = waiting.nextAttemptAt().toEpochMilli() - System.currentTimeMillis();
            assertTrue(left > 1000 && left <= 2000, "backs off about 2 s before the second try: " + left + " ms left");

            NotificationService second = Channels.service(
                    new Database(TestConfig.sqlite(dir)),
                    http,
                    java.time.Clock.systemUTC(),
                    Duration.ofMinutes(5),
                    channel);
            second.start();
            try {
                TelegramBurstTest.waitFor(() -> second.pending("r") == 0, Duration.ofSeconds(6));
                assertEquals(List.of("backup failed"), titles(hook));
            } finally {
                second.stop();
            }
        }
    }
}
