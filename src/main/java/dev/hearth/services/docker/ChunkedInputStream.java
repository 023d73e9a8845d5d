package dev.hearth.services.docker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A {@code Transfer-Encoding: chunked} body. Docker uses it for JSON answers and for endless
 * streams (events, followed logs), so a read returns as soon as any chunk bytes are available.
 */
final class ChunkedInputStream extends InputStream {

    private final InputStream in;
    private long chunkRemaining;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!nextChunkIfNeeded()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, chunkRemaining));
        if (n < 0) {
            throw new EOFException("connection closed inside a chunk");
        }
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            expectCrlf();
        }
        return n;
    }

    private boolean nextChunkIfNeeded() throws IOException {
        while (!done && chunkRemaining == 0) {
            String sizeLine = HttpCodec.readLine(in);
            int semicolon = sizeLine.indexOf(';'); // chunk extensions are allowed and ignored
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size line: " + sizeLine, e);
            }
            if (size == 0) {
                // Trailers, if any, end with an empty line.
                while (!HttpCodec.readLine(in).isEmpty()) {
                    // skip trailer
                }
                done = true;
            } else {
                chunkRemaining = size;
            }
        }
        return !done;
    }

    private void expectCrlf() throws IOException {
        if (!HttpCodec.readLine(in).isEmpty()) {
            throw new IOException("chunk not followed by CRLF");
        }
    }
}
