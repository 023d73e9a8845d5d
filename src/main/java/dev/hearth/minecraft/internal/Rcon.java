package dev.hearth.minecraft.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Source RCON protocol as Minecraft serves it: packets of int32 little-endian length, request id and type
 * (3 login, 2 command, 0 response), an ASCII body and two zero bytes. A login answered with id -1 was refused. A
 * long answer comes in several packets of the command's id, so each command is followed by an empty packet of type 0
 * whose answer ("Unknown request 0" from Minecraft) marks the end. Every read is bounded in time and the answer in size.
 */
public final class Rcon implements AutoCloseable {
    static final int LOGIN = 3;
    static final int COMMAND = 2;
    static final int RESPONSE = 0;
    /** Minecraft's limit for a command packet's body. */
    public static final int MAX_COMMAND = 1446;

    private static final int MAX_PACKET = 4096 + 14;
    private static final int MAX_ANSWER = 1 << 20;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int nextId = 1;

    private Rcon(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Refused logins are {@link AuthFailed}. */
    public static final class AuthFailed extends IOException {
        AuthFailed() {
            super("RCON refused the password");
        }
    }

    public static Rcon connect(String host, int port, String password, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            Rcon r = new Rcon(s);
            int id = r.nextId++;
            r.send(id, LOGIN, password);
            while (true) {
                Packet p = r.read();
                if (p.id() == -1) throw new AuthFailed();
                if (p.id() == id && p.type() == COMMAND) return r; // the login answer has type 2
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Runs one command and answers what the server said, joined from every packet of the answer. */
    public String command(String command) throws IOException {
        if (command.isEmpty()
                || command.getBytes(StandardCharsets.UTF_8).length > MAX_COMMAND
                || command.contains("\n")) {
            throw new IllegalArgumentException("an RCON command is one line of 1 to " + MAX_COMMAND + " bytes");
        }
        int id = nextId++;
        int marker = nextId++;
        send(id, COMMAND, command);
        send(marker, RESPONSE, "");
        StringBuilder answer = new StringBuilder();
        while (true) {
            Packet p = read();
            if (p.id() == marker) return answer.toString();
            if (p.id() == -1) throw new AuthFailed();
            if (p.id() == id) {
                answer.append(p.body());
                if (answer.length() > MAX_ANSWER)
                    throw new IOException("the RCON answer is longer than " + MAX_ANSWER + " characters");
            }
        }
    }

    private void send(int id, int type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 + 4 + b.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(4 + 4 + b.length + 2)
                .putInt(id)
                .putInt(type)
                .put(b)
                .put((byte) 0)
                .put((byte) 0);
        out.write(buf.array());
        out.flush();
    }

    record Packet(int id, int type, String body) {}

    private Packet read() throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4) throw new EOFException("RCON closed the connection");
        int length = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < 10 || length > MAX_PACKET) throw new IOException("RCON sent a packet of " + length + " bytes");
        byte[] rest = in.readNBytes(length);
        if (rest.length < length) throw new EOFException("RCON closed the connection inside a packet");
        ByteBuffer b = ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN);
        int id = b.getInt();
        int type = b.getInt();
        String body = new String(rest, 8, length - 10, StandardCharsets.UTF_8);
        return new Packet(id, type, body);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
