package dev.efficientformer.download;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Writes a response body into the {@code .part} file as it arrives, hashing it on the way, so
 * that the file is never read twice and a broken connection leaves every received byte on disk
 * for the next attempt to resume from.
 *
 * <p>It also records when data last arrived: {@code HttpClient} has no idle-read timeout for a
 * streamed body, so the downloading thread watches {@link #lastActivityNanos()} and calls
 * {@link #abort} when the server goes quiet.
 *
 * <p>Thread-safety: the {@code HttpClient} calls {@code onXxx} one at a time (Reactive Streams
 * rule 1.3); {@link #position()}, {@link #lastActivityNanos()} and {@link #abort} may be called
 * from any other thread.
 */
final class PartFileSubscriber implements HttpResponse.BodySubscriber<Long> {
    private final FileChannel channel;
    private final MessageDigest digest;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile long position;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean aborted;
    private volatile IOException abortReason;

    /**
     * A subscriber that writes from byte {@code offset} of {@code part} on, truncating what lies
     * beyond it.
     *
     * @param digest a digest that has already consumed the first {@code offset} bytes
     */
    PartFileSubscriber(Path part, long offset, MessageDigest digest) throws IOException {
        this.channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            channel.truncate(offset);
            channel.position(offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.digest = digest;
        this.position = offset;
    }

    /** Bytes of the file on disk so far, counting the resumed prefix. */
    long position() {
        return position;
    }

    /** {@code System.nanoTime()} when data last arrived (or when this subscriber was made). */
    long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** The SHA-256 of everything written; call only after the body completed. */
    String sha256() {
        return Sha256.hex(digest);
    }

    /** Stops the transfer: cancels the subscription, closes the file and fails the body with {@code why}. */
    void abort(IOException why) {
        abortReason = why;
        aborted = true;
        // Fail the body first: cancelling makes the client report its own, vaguer error.
        result.completeExceptionally(why);
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        close();
    }

    /** Why {@link #abort} was called, or {@code null}: the real cause, whatever the client reports. */
    IOException abortReason() {
        return abortReason;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (aborted) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (aborted) {
            return;
        }
        try {
            long n = 0;
            for (ByteBuffer b : buffers) {
                digest.update(b.duplicate());
                while (b.hasRemaining()) {
                    n += channel.write(b);
                }
            }
            position += n;
            lastActivityNanos = System.nanoTime();
            subscription.request(1);
        } catch (IOException e) {
            abort(e);
        }
    }

    @Override
    public void onError(Throwable t) {
        close();
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        try {
            // Durable before the caller renames it into place: a crash must not publish a file
            // whose tail is still in the page cache.
            channel.force(false);
            channel.close();
            result.complete(position);
        } catch (IOException e) {
            close();
            result.completeExceptionally(e);
        }
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    private void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to add: the transfer has already failed or been aborted.
        }
    }
}
