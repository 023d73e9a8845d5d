package dev.hearth.notify.telegram.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the bot keeps across a restart of Hearth, on the real database files (V82): a fresh store on the same data
 * dir, as after a restart, resumes at the stored offset and still knows which chat a download belongs to; the
 * completion is claimed once, and a claim released after a failed send is claimed again.
 */
class BotStoreTest {
    @Test
    void theOffsetAndTheTasksChatOutliveARestartAndACompletionIsClaimedOnce(@TempDir Path dir) {
        BotStore before = new BotStore(new Database(TestConfig.sqlite(dir)), Clock.systemUTC());
        assertEquals(0, before.offset(), "the first start asks for the oldest unconfirmed update");
        before.offset(1042);
        before.remember("qbittorrent:abc", "1001");
        before.remember("qbittorrent:abc", "9999"); // the first chat to ask keeps it

        BotStore after = new BotStore(new Database(TestConfig.sqlite(dir)), Clock.systemUTC());
        assertEquals(1042, after.offset());
        assertEquals(Optional.of("1001"), after.claimAnnouncement("qbittorrent:abc"));
        assertEquals(Optional.empty(), after.claimAnnouncement("qbittorrent:abc"), "a repeated event says nothing");
        after.unclaim("qbittorrent:abc");
        assertEquals(Optional.of("1001"), after.claimAnnouncement("qbittorrent:abc"), "a failed send is retried");
        assertEquals(Optional.empty(), after.claimAnnouncement("qbittorrent:other"), "not the bot's download");
    }
}
