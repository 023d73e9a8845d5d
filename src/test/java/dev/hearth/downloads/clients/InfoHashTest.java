package dev.hearth.downloads.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hearth.testing.Daemon;
import dev.hearth.testing.TorrentFixture;
import dev.hearth.testing.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoHashTest {

    @Test
    void aTorrentFilesHashMatchesWhatTransmissionComputes(@TempDir Path dir) throws IOException {
        TorrentFixture f = TorrentFixture.create(dir.resolve("data"), dir, "hashed.bin", 200_000);
        Path out = dir.resolve("show.txt");
        try (Daemon show = Daemon.start(
                "transmission-show",
                List.of("transmission-show", f.torrentFile().toString()),
                dir,
                Map.of(),
                out)) {
            Waits.until("transmission-show finished", Duration.ofSeconds(20), () -> !show.isAlive());
        }
        String expected = Files.readAllLines(out).stream()
                .map(String::strip)
                .filter(l -> l.startsWith("Hash:"))
                .findFirst()
                .orElseThrow()
                .substring("Hash:".length())
                .strip()
                .toLowerCase(Locale.ROOT);

        assertEquals(expected, InfoHash.ofTorrent(f.torrentBytes()));
    }

    @Test
    void aBase32BtihIsTheSameHashInHex() {
        // Base32 of bytes 0x00 0x01 … 0x13 and the same bytes in hex.
        String hex = "000102030405060708090a0b0c0d0e0f10111213";
        String base32 = "AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT";

        assertEquals(Optional.of(hex), InfoHash.ofMagnet("magnet:?xt=urn:btih:" + base32 + "&dn=x"));
        assertEquals(Optional.of(hex), InfoHash.ofMagnet("magnet:?dn=x&xt=urn:btih:" + hex.toUpperCase(Locale.ROOT)));
    }

    @Test
    void aLinkThatIsNoMagnetHasNoBtih() {
        assertEquals(
                Optional.empty(),
                InfoHash.ofMagnet(
                        "https://example.org/a.torrent?xt=urn:btih:000102030405060708090a0b0c0d0e0f10111213"));
    }

    @Test
    void somethingThatIsNoTorrentIsRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> InfoHash.ofTorrent("<html>".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> InfoHash.ofTorrent("d4:infod".getBytes()));
    }
}
