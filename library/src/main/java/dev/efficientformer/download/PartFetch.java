package dev.efficientformer.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One GET of a file into its {@code .part} file: asks for the missing tail with {@code Range}
 * when part of the file is already there, and says what the server made of that request.
 * Following redirects is left to the {@code HttpClient}; the {@code Range} header travels with
 * them.
 *
 * <p>Thread-safety: stateless; each call works on its own request.
 */
final class PartFetch {
    /** How often the waiting thread wakes to report progress and check for a silent server. */
    private static final long POLL_MILLIS = 100;
    static final String USER_AGENT = "efficientformer-java";

    /** What one request achieved. */
    sealed interface Outcome {
    }

    /**
     * The {@code .part} file now holds the whole body.
     *
     * @param size bytes in the file
     * @param sha256 the file's SHA-256
     * @param serverSha256 the SHA-256 the server vouched for, if any
     * @param expectedSize the size the server announced, or -1
     */
    record Complete(long size, String sha256, Optional<String> serverSha256, long expectedSize) implements Outcome {
    }

    /**
     * The server did not continue the {@code .part} file where it ends; start over without it.
     *
     * @param why one phrase for the log
     */
    record Restart(String why) implements Outcome {
    }

    private PartFetch() {
    }

    /**
     * Fetches {@code uri} into {@code part}, resuming after the bytes already in it.
     *
     * @throws IOException when the transfer fails (connection refused or broken, timeouts); what
     *     arrived stays in {@code part}
     * @throws DownloadException when the server answers with an error status
     */
    static Outcome run(HttpClient client, URI uri, Path part, Duration idleTimeout, String label,
                       ProgressListener listener) throws IOException, InterruptedException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        // Hashing the prefix now lets the digest continue with the new bytes as they arrive.
        MessageDigest prefix = have > 0 ? Sha256.digestOf(part) : Sha256.newDigest();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(idleTimeout)
                .header("User-Agent", USER_AGENT)
                .GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        AtomicReference<PartFileSubscriber> writer = new AtomicReference<>();
        AtomicLong offset = new AtomicLong(-1);
        AtomicLong expectedSize = new AtomicLong(-1);
        HttpResponse.BodyHandler<Long> handler = info -> {
            Optional<ContentRange> range = info.headers().firstValue("Content-Range").flatMap(ContentRange::parse);
            long start;
            if (info.statusCode() == 200) {
                // A fresh download, or a server that ignored Range: either way the body is the whole file.
                start = 0;
                expectedSize.set(info.headers().firstValueAsLong("Content-Length").orElse(-1));
            } else if (info.statusCode() == 206 && have > 0 && range.isPresent() && range.get().first() == have) {
                start = have;
                expectedSize.set(range.get().total());
            } else {
                return new Discard();
            }
            try {
                PartFileSubscriber s = new PartFileSubscriber(part, start, start == 0 ? Sha256.newDigest() : prefix);
                offset.set(start);
                writer.set(s);
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        CompletableFuture<HttpResponse<Long>> future = client.sendAsync(request.build(), handler);
        AtomicBoolean started = new AtomicBoolean();
        HttpResponse<Long> response = await(future, writer, offset, expectedSize, idleTimeout, label, listener, started);

        Optional<String> serverSha = ServerChecksum.of(response);
        PartFileSubscriber s = writer.get();
        if (s != null) {
            // A fast transfer can finish before the first progress poll.
            if (!started.get()) {
                listener.started(label, offset.get(), expectedSize.get());
            }
            listener.progress(s.position(), expectedSize.get());
            return new Complete(response.body(), s.sha256(), serverSha, expectedSize.get());
        }
        int status = response.statusCode();
        Optional<ContentRange> range = response.headers().firstValue("Content-Range").flatMap(ContentRange::parse);
        if (status == 206) {
            return new Restart("the server resumed at byte " + range.map(r -> Long.toString(r.first())).orElse("?")
                    + " instead of " + have);
        }
        if (status == 416 && have > 0) {
            long total = range.map(ContentRange::total).orElse(-1L);
            if (total == have) {
                // The previous attempt received every byte but stopped before renaming.
                listener.started(label, have, have);
                return new Complete(have, Sha256.hex(prefix), serverSha, total);
            }
            return new Restart("the server has " + total + " bytes but " + have + " are already on disk");
        }
        throw new DownloadException("the model hub answered HTTP " + status + " for " + uri
                + (status == 401 || status == 403 || status == 404 ? " (no such public file)" : "")
                + "; pass --weights FILE (a local .safetensors or .pth) instead");
    }

    private static HttpResponse<Long> await(CompletableFuture<HttpResponse<Long>> future,
                                            AtomicReference<PartFileSubscriber> writer, AtomicLong offset,
                                            AtomicLong expectedSize, Duration idleTimeout, String label,
                                            ProgressListener listener, AtomicBoolean started)
            throws IOException, InterruptedException {
        while (true) {
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Before the headers arrive the request timeout applies; after, this watchdog.
                PartFileSubscriber s = writer.get();
                if (s == null) {
                    continue;
                }
                if (!started.getAndSet(true)) {
                    listener.started(label, offset.get(), expectedSize.get());
                }
                listener.progress(s.position(), expectedSize.get());
                if (System.nanoTime() - s.lastActivityNanos() > idleTimeout.toNanos()) {
                    s.abort(new Stalled("the server sent no data for " + idleTimeout.toMillis() / 1000.0 + " s"));
                }
            } catch (ExecutionException e) {
                PartFileSubscriber s = writer.get();
                if (s != null && s.abortReason() != null) {
                    throw s.abortReason();
                }
                throw asIOException(e.getCause());
            } catch (InterruptedException e) {
                PartFileSubscriber s = writer.get();
                if (s != null) {
                    s.abort(new IOException("interrupted"));
                }
                future.cancel(true);
                throw e;
            }
        }
    }

    /**
     * Our own {@link Stalled} if it is in the cause chain, else the first {@code IOException} in
     * it: the HttpClient wraps failures variously.
     */
    private static IOException asIOException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Stalled stalled) {
                return stalled;
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
        }
        return new IOException(t);
    }

    /** The server went silent in the middle of the body. */
    static final class Stalled extends IOException {
        private static final long serialVersionUID = 1L;

        Stalled(String message) {
            super(message);
        }
    }

    /** Takes no body at all: an error page, or a range that cannot be appended. */
    private static final class Discard implements HttpResponse.BodySubscriber<Long> {
        private final CompletableFuture<Long> result = CompletableFuture.completedFuture(-1L);

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onComplete() {
        }

        @Override
        public CompletionStage<Long> getBody() {
            return result;
        }
    }
}
