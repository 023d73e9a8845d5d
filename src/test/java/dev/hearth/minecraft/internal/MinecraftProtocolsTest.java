package dev.hearth.minecraft.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.minecraft.ServerStatus;
import dev.hearth.testing.MinecraftPeer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hearth's Server List Ping and RCON clients against independent peers: npm's minecraft-protocol server for SLP, and
 * an RCON server written in JavaScript from the Source RCON protocol (test resources, peer.js).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MinecraftProtocolsTest {
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    MinecraftPeer peer;
    int slp;
    int rcon;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    void start() throws Exception {
        slp = freePort();
        rcon = freePort();
        peer = MinecraftPeer.start(slp, rcon, "s3cret", "1.20.4", "A §ahome§r server", 3, 20);
    }

    @AfterAll
    void stop() {
        if (peer != null) peer.close();
    }

    @Test
    void aServerListPingReadsVersionPlayersAndMessageOfTheDay() throws Exception {
        ServerStatus s = ServerListPing.ping("127.0.0.1", slp, TIMEOUT);
        assertEquals("1.20.4", s.version());
        assertEquals(765, s.protocol());
        assertEquals(3, s.playersOnline());
        assertEquals(20, s.playersMax());
        assertEquals(List.of("Alex", "Steve"), s.sample());
        assertEquals("A home server", s.motd(), "formatting codes are taken out");
    }

    @Test
    void varIntsAreFramedAsTheProtocolSays() throws Exception {
        for (int[] c : new int[][] {{0, 1}, {127, 1}, {128, 2}, {25565, 3}, {2_097_151, 3}, {-1, 5}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ServerListPing.writeVarInt(out, c[0]);
            assertEquals(c[1], out.size(), "bytes for " + c[0]);
            assertEquals(c[0], ServerListPing.readVarInt(new ByteArrayInputStream(out.toByteArray())));
        }
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception e) {
                    // the test ended
                }
            });
            long t0 = System.nanoTime();
            assertThrows(
                    IOException.class,
                    () -> ServerListPing.ping("127.0.0.1", silent.getLocalPort(), Duration.ofMillis(500)));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000, "bounded by the timeout");
        }
    }

    @Test
    void rconRunsCommandsAndJoinsALongAnswerFromItsPackets() throws Exception {
        try (Rcon r = Rcon.connect("127.0.0.1", rcon, "s3cret", TIMEOUT)) {
            assertEquals("There are 3 of a max of 20 players online: Alex, Steve", r.command("list"));
            assertEquals("Added Notch to the whitelist", r.command("whitelist add Notch"));
            assertEquals("", r.command("say hello"));
            String longAnswer = r.command("long");
            assertEquals(10_000, longAnswer.length(), "three packets of one answer, ended by the marker's answer");
            assertEquals(
                    "Saving the game (this may take a moment!)Saved the game",
                    r.command("save-all"),
                    "the next command is not out of step");
        }
        assertTrue(
                peer.commands.containsAll(List.of("list", "whitelist add Notch", "say hello", "long", "save-all")),
                peer.commands.toString());
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThrows(Rcon.AuthFailed.class, () -> Rcon.connect("127.0.0.1", rcon, "guess", TIMEOUT));
    }
}
