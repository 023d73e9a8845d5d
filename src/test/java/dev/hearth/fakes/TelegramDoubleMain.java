package dev.hearth.fakes;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * For bench/chat.sh: the Telegram double on loopback for one bot token and one user's private chat. Prints
 * {@code ready <url>}; once a bot long-polls it, the user sends {@code count} messages, each after the bot answered
 * the one before (a chat as a person has it), then it prints {@code warmed <answered>} and serves the bot's polls until
 * this process is stopped.
 */
public final class TelegramDoubleMain {
    private static final List<String> SAID = List.of(
            "status",
            "/status",
            "help",
            "list services",
            "/services",
            "what is downloading?",
            "/downloads",
            "alerts",
            "how much disk space is left?",
            "is plex running?");
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private TelegramDoubleMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3)
            throw new IllegalArgumentException("usage: TelegramDoubleMain <bot token> <user id> <count>");
        long user = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        String chat = Long.toString(user);
        FakeTelegram telegram = new FakeTelegram(args[0], Set.of(chat));
        Runtime.getRuntime().addShutdownHook(new Thread(telegram::close));
        System.out.println("ready " + telegram.url());
        System.out.flush();
        if (!within(Duration.ofMinutes(5), () -> !telegram.offsetsAsked.isEmpty())) {
            System.out.println("no bot polled");
            return;
        }
        int answered = 0;
        for (int i = 0; i < count; i++) {
            int before = telegram.messagesTo(chat).size();
            telegram.pushText(user, user, SAID.get(i % SAID.size()));
            if (within(ANSWER_WITHIN, () -> telegram.messagesTo(chat).size() > before)) answered++;
        }
        System.out.println("warmed " + answered);
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Polls {@code done} every 20 ms until it holds or {@code deadline} passes. */
    private static boolean within(Duration deadline, BooleanSupplier done) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(end)) return false;
            Thread.sleep(20);
        }
        return true;
    }
}
