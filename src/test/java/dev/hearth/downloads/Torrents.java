package dev.hearth.downloads;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/** Test material: fresh info-hashes, magnets, and small but real .torrent files. */
final class Torrents {
    private Torrents() {}

    static String newHash() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1")
                            .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String magnet(String hash, String name) {
        return "magnet:?xt=urn:btih:" + hash + "&dn=" + name + "&tr=udp%3A%2F%2Ftracker.example.com%3A80";
    }

    /** A single-file torrent: {announce, info: {length, name, piece length, pieces}}. */
    static byte[] file(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(
                out,
                "d8:announce" + str("udp://tracker.example.com:80") + "4:infod6:lengthi1000e4:name" + str(name)
                        + "12:piece lengthi16384e6:pieces20:");
        out.writeBytes(UUID.randomUUID().toString().substring(0, 20).getBytes(StandardCharsets.US_ASCII));
        write(out, "ee");
        return out.toByteArray();
    }

    private static String str(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length + ":" + s;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
