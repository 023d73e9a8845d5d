package dev.hearth.services.docker;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A running stream (followed logs, events) read on its own virtual thread. Closing it closes the
 * connection, which ends the blocked read at once; nothing is left behind.
 */
public final class DockerSubscription implements Closeable {

    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile @Nullable Connection connection;
    private volatile @Nullable Thread reader;

    DockerSubscription() {}

    /** Starts the reader; {@code body} runs until the stream ends or the subscription is closed. */
    void start(String threadName, Runnable body) {
        reader = Thread.ofVirtual().name(threadName).start(() -> {
            try {
                body.run();
            } finally {
                ended.countDown();
            }
        });
    }

    /** The connection now being read; closed right away if the subscription already was. */
    void attach(Connection current) {
        connection = current;
        if (closed) {
            current.close();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** True while the stream is being read: not closed, and the engine has not ended it. */
    public boolean isOpen() {
        return !closed && ended.getCount() > 0;
    }

    /** Waits until the reader has finished (stream ended or closed); false if the wait timed out. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            c.close();
        }
        Thread t = reader;
        if (t != null) {
            t.interrupt(); // wakes a reconnect back-off sleep
        }
    }
}
