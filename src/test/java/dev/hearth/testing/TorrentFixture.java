package dev.hearth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file of random bytes and its .torrent, made with {@code mktorrent}. The announce URL points at a
 * closed loopback port: nothing is ever announced anywhere.
 */
public record TorrentFixture(Path data, Path torrentFile, String name, long size) {

    public static TorrentFixture create(Path dataDir, Path torrentDir, String name, int bytes) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(torrentDir);
            byte[] content = new byte[bytes];
            ThreadLocalRandom.current().nextBytes(content);
            Path data = dataDir.resolve(name);
            Files.write(data, content);
            Path torrent = torrentDir.resolve(name + ".torrent");
            Files.deleteIfExists(torrent);
            Path log = torrentDir.resolve(name + ".mktorrent.log");
            try (Daemon mk = Daemon.start(
                    "mktorrent",
                    List.of(
                            "mktorrent",
                            "-a",
                            "http://127.0.0.1:9/announce",
                            "-l",
                            "16",
                            "-o",
                            torrent.toString(),
                            data.toString()),
                    torrentDir,
                    Map.of(),
                    log)) {
                Waits.until("mktorrent finished", java.time.Duration.ofSeconds(30), () -> !mk.isAlive());
            }
            if (!Files.exists(torrent)) {
                throw new IllegalStateException("mktorrent made no torrent; see " + log);
            }
            return new TorrentFixture(data, torrent, name, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] torrentBytes() {
        try {
            return Files.readAllBytes(torrentFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A magnet for a torrent nobody has: no peers, so a client stays in its metadata phase. */
    public static String unknownMagnet(String name) {
        byte[] hash = new byte[20];
        ThreadLocalRandom.current().nextBytes(hash);
        return "magnet:?xt=urn:btih:" + HexFormat.of().formatHex(hash) + "&dn=" + name
                + "&tr=http%3A%2F%2F127.0.0.1%3A9%2Fannounce";
    }

    public static String btih(String magnet) {
        int at = magnet.indexOf("btih:") + 5;
        return magnet.substring(at, at + 40);
    }
}
