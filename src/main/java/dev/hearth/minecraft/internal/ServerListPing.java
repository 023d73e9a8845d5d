package dev.hearth.minecraft.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.minecraft.ServerStatus;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java Edition Server List Ping (1.7+): a handshake with next state 1, a status request, and the JSON status
 * answer, each packet framed as VarInt length + VarInt id + data. Bounded in time (connect and every read) and size.
 */
public final class ServerListPing {
    /** The status answer is at most 32,767 characters; in UTF-8 at most three bytes each, plus its length prefix. */
    private static final int MAX_PACKET = 32_767 * 3 + 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerListPing() {}

    public static ServerStatus ping(String host, int port, Duration timeout) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream handshake = new ByteArrayOutputStream();
            writeVarInt(handshake, 0x00);
            writeVarInt(handshake, -1); // protocol version: -1 asks without claiming one
            writeString(handshake, host);
            handshake.write((port >> 8) & 0xff);
            handshake.write(port & 0xff);
            writeVarInt(handshake, 1); // next state: status
            long sent = System.nanoTime();
            out.write(frame(handshake.toByteArray()));
            out.write(frame(new byte[] {0x00})); // status request
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int length = readVarInt(in);
            if (length <= 0 || length > MAX_PACKET)
                throw new IOException("the server sent a status packet of " + length + " bytes");
            byte[] packet = in.readNBytes(length);
            if (packet.length < length) throw new EOFException("the status answer ended early");
            long latency = (System.nanoTime() - sent) / 1_000_000;
            DataInputStream p = new DataInputStream(new java.io.ByteArrayInputStream(packet));
            int id = readVarInt(p);
            if (id != 0x00)
                throw new IOException("expected a status response (0x00), got packet 0x" + Integer.toHexString(id));
            int size = readVarInt(p);
            if (size < 0 || size > packet.length) throw new IOException("the status JSON's length is wrong");
            return parse(new String(p.readNBytes(size), StandardCharsets.UTF_8), latency);
        }
    }

    static ServerStatus parse(String json, long latency) throws IOException {
        JsonNode n = JSON.readTree(json);
        List<String> sample = new ArrayList<>();
        n.path("players")
                .path("sample")
                .forEach(pl -> sample.add(pl.path("name").asText()));
        return new ServerStatus(
                n.path("version").path("name").asText(""),
                n.path("version").path("protocol").asInt(0),
                n.path("players").path("online").asInt(0),
                n.path("players").path("max").asInt(0),
                sample,
                text(n.path("description")),
                latency);
    }

    /** A chat component ("motd" or {"text": ..., "extra": [...]}) as plain text. */
    static String text(JsonNode c) {
        if (c.isTextual()) return c.asText().replaceAll("§.", "");
        StringBuilder b = new StringBuilder(c.path("text").asText(""));
        c.path("extra").forEach(e -> b.append(text(e)));
        return b.toString().replaceAll("§.", "");
    }

    static byte[] frame(byte[] body) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        writeVarInt(f, body.length);
        f.writeBytes(body);
        return f.toByteArray();
    }

    /** 7 bits per byte, low group first, 0x80 when more follow; negatives as their 32-bit two's complement (5 bytes). */
    static void writeVarInt(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.write((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    static int readVarInt(InputStream in) throws IOException {
        int value = 0;
        for (int i = 0; i < 5; i++) {
            int b = in.read();
            if (b < 0) throw new EOFException("the connection ended inside a VarInt");
            value |= (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) return value;
        }
        throw new IOException("a VarInt longer than 5 bytes");
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarInt(out, b.length);
        out.writeBytes(b);
    }
}
