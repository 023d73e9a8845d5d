package dev.hearth.platform.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A response body read into memory up to a bound. A {@code Content-Length} over it fails before a byte is
 * read; a body that grows past it (chunked, or sent until the connection closes) fails the moment it does,
 * and the subscription is cancelled, which closes the connection. Memory held is at most the bound.
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
    private Flow.@Nullable Subscription subscription;

    private CappedBody(long limit) {
        this.limit = Math.min(limit, Integer.MAX_VALUE - 8); // one array holds the body
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                return failing(limit);
            }
            return new CappedBody(limit);
        };
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
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
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
        java.util.Objects.requireNonNull(subscription).request(1);
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
