package dev.hearth.platform.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A response body read into memory up to a bound in size and time. A {@code Content-Length} over the size fails before
 * a byte is read; a body that grows past it (chunked, or sent until the connection closes) fails the moment it does,
 * and the subscription is cancelled, which closes the connection. Memory held is at most the bound (and the one read
 * that crossed it). The whole body is asked for at once: one demand per chunk made the JDK client hand each chunk to
 * its executor, a scheduling wait per 16 KB on a busy box. A body not complete by the deadline fails with a
 * {@link java.util.concurrent.TimeoutException} and is cancelled: the request's own timeout stops at the headers, and an upstream that sends
 * them and then stalls must not hold the caller (and the connection) forever.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body passed the bound: {@link Transport} turns it into a bad response naming the bound. */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("response body larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> received = new ArrayList<>();
    private long size;
    /** Set by onSubscribe, which the Flow contract calls before anything else. */
    private volatile Flow.@Nullable Subscription subscription;

    private CappedBody(long limit) {
        this.limit = Math.min(limit, Integer.MAX_VALUE - 8); // one array holds the body
    }

    /** Bounded in size only (the caller bounds the time itself). */
    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                return failing(limit);
            }
            return new CappedBody(limit);
        };
    }

    /** Bounded in size, and in time: the body must be complete by {@code deadlineNanos} ({@link System#nanoTime()}). */
    static HttpResponse.BodyHandler<byte[]> handler(long limit, long deadlineNanos) {
        HttpResponse.BodyHandler<byte[]> sized = handler(limit);
        return info -> {
            HttpResponse.BodySubscriber<byte[]> body = sized.apply(info);
            if (body instanceof CappedBody capped && !capped.result.isDone()) {
                long left = Math.max(0, deadlineNanos - System.nanoTime());
                // orTimeout's timer is dropped when the body completes first; on expiry the connection is closed
                capped.result.orTimeout(left, TimeUnit.NANOSECONDS).exceptionally(failure -> {
                    if (failure instanceof java.util.concurrent.TimeoutException) capped.expire();
                    return null;
                });
            }
            return body;
        };
    }

    /**
     * On the timer's thread: the result already failed (orTimeout), so onNext drops what comes and onSubscribe
     * cancels; a subscription already made is cancelled here (the connection closes). Cancelling twice is allowed.
     */
    private void expire() {
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
    }

    /** Refuses a declared length at once: cancels on subscribe, reads nothing. */
    private static HttpResponse.BodySubscriber<byte[]> failing(long limit) {
        CappedBody body = new CappedBody(limit);
        body.result.completeExceptionally(new TooLarge(limit));
        return body;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            received.clear(); // the deadline passed: what was kept is not needed any more
            return;
        }
        for (ByteBuffer b : items) {
            size += b.remaining();
            if (size > limit) {
                received.clear();
                java.util.Objects.requireNonNull(subscription).cancel();
                result.completeExceptionally(new TooLarge(limit));
                return;
            }
            received.add(b);
        }
    }

    @Override
    public void onError(Throwable t) {
        received.clear();
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) return;
        byte[] all = new byte[(int) size];
        int at = 0;
        for (ByteBuffer b : received) {
            int n = b.remaining();
            b.get(all, at, n);
            at += n;
        }
        received.clear();
        result.complete(all);
    }
}
