package dev.hearth.services.process;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * One output stream of a supervised program, written by the program straight into a file (opened for
 * appending), never into a pipe: a pipe's reader is Hearth, and when Hearth dies a write into a pipe
 * without a reader kills the program (SIGPIPE) or fails it. Hearth reads the file as it grows, turns it
 * into lines for the rotating log and the followers, and keeps how far it has read in a small file beside
 * it, so a Hearth started after a crash goes on where the last one stopped. Once read to the end and past
 * {@code recycleAt}, the file is emptied; what the program writes in the instant between the last read and
 * the emptying is lost, the price of keeping the file bounded without a reader process of our own.
 */
final class OutputSpool {
    /** A line longer than this (output without newlines) is passed on in pieces. */
    static final int MAX_LINE = 64 * 1024;

    private final Path file;
    private final Path offsetFile;
    private final long recycleAt;
    private final Consumer<String> lines;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long offset;

    OutputSpool(Path dir, String stream, long recycleAt, Consumer<String> lines) {
        this.file = dir.resolve(stream);
        this.offsetFile = dir.resolve(stream + ".offset");
        this.recycleAt = recycleAt;
        this.lines = lines;
        try {
            Files.createDirectories(dir);
            if (Files.notExists(file)) Files.createFile(file);
            // No offset kept: nobody has read this file yet (a Hearth killed before its first read), so all of it is
            // news.
            offset = Files.exists(offsetFile)
                    ? Long.parseLong(Files.readString(offsetFile).trim())
                    : 0;
            if (offset > Files.size(file)) offset = 0; // emptied since: read it all
        } catch (IOException | NumberFormatException e) {
            offset = 0;
        }
    }

    /** Where the program writes (appending, so an emptied file is written from its start again). */
    File target() {
        return file.toFile();
    }

    /** Reads what was written since the last call and passes on its complete lines; true if anything was read. */
    synchronized boolean drain() {
        boolean any = false;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (in.size() < offset) offset = 0; // emptied by someone else
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            for (int n; (n = in.read(buffer, offset)) > 0; buffer.clear()) {
                offset += n;
                any = true;
                split(buffer.array(), n);
            }
            if (offset >= recycleAt && in.size() == offset) {
                in.truncate(0);
                offset = 0;
            }
            if (any) {
                // Beside, then moved over: a Hearth killed while writing leaves the old offset, never an empty one.
                Path next = offsetFile.resolveSibling(offsetFile.getFileName() + ".next");
                Files.writeString(next, Long.toString(offset));
                Files.move(
                        next,
                        offsetFile,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // the disk is full or the file went away: read again next time
        }
        return any;
    }

    /** The last line without a newline, once its program has ended. */
    synchronized void flush() {
        if (partial.size() > 0) emit();
    }

    private void split(byte[] bytes, int length) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                emit();
                start = i + 1;
            } else if (partial.size() + (i - start) >= MAX_LINE) {
                partial.write(bytes, start, i - start);
                emit();
                start = i;
            }
        }
        partial.write(bytes, start, length - start);
    }

    private void emit() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
