package dev.efficientformer.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only stand-in for the Hugging Face hub on 127.0.0.1 (an ephemeral port): serves one file
 * of random bytes at any path, with switches for the ways real servers behave and misbehave.
 * Handlers never wait longer than a few seconds, and {@link #close()} stops the server, so a test
 * cannot leave it running.
 */
final class FakeHub implements AutoCloseable {
    static final String CDN_PATH = "/cdn/blob";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** One request as the server saw it. */
    record Seen(String path, String range) {
    }

    final byte[] content;
    final String sha256;
    final List<Seen> requests = new CopyOnWriteArrayList<>();

    // Switches; set before the download starts.
    volatile boolean honorRange = true;
    /** Value of X-Linked-Etag (quoted like the hub does), or null for none. */
    volatile String linkedEtag;
    /** Value of ETag, or null for none. */
    volatile String etag;
    /** Answer the hub path with a 302 to {@link #CDN_PATH}; X-Linked-Etag then goes on the 302 only. */
    volatile boolean redirect;
    /** Cut the connection after this many body bytes of the first content request (-1: never). */
    volatile int dropFirstAfter = -1;
    /** Go silent after this many body bytes of every content request (-1: never). */
    volatile int stallAfter = -1;
    /** Send the body in this many pieces with {@link #pauseMillis} between them (1: all at once). */
    volatile int pieces = 1;
    volatile long pauseMillis;
    /** Answer every request with this status and no body (0: behave). */
    volatile int failWith;

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger contentRequests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    FakeHub(int size, long seed) throws IOException {
        content = new byte[size];
        new Random(seed).nextBytes(content);
        sha256 = sha256(content);
        linkedEtag = "\"" + sha256 + "\"";
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-hub");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests for the file's bytes (the CDN path when redirecting). */
    List<Seen> contentRequests() {
        return requests.stream().filter(r -> !redirect || r.path().equals(CDN_PATH)).toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String range = ex.getRequestHeaders().getFirst("Range");
            String path = ex.getRequestURI().getPath();
            requests.add(new Seen(path, range));
            if (failWith != 0) {
                ex.sendResponseHeaders(failWith, -1);
                return;
            }
            if (redirect && !path.equals(CDN_PATH)) {
                if (linkedEtag != null) {
                    ex.getResponseHeaders().add("X-Linked-Etag", linkedEtag);
                }
                ex.getResponseHeaders().add("Location", base() + CDN_PATH);
                ex.sendResponseHeaders(302, -1);
                return;
            }
            serveContent(ex, range);
        }
    }

    private void serveContent(HttpExchange ex, String range) throws IOException {
        int request = contentRequests.getAndIncrement();
        if (!redirect && linkedEtag != null) {
            ex.getResponseHeaders().add("X-Linked-Etag", linkedEtag);
        }
        if (etag != null) {
            ex.getResponseHeaders().add("ETag", etag);
        }
        int from = 0;
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (honorRange && m != null && m.matches()) {
            from = Integer.parseInt(m.group(1));
            if (from >= content.length) {
                ex.getResponseHeaders().add("Content-Range", "bytes */" + content.length);
                ex.sendResponseHeaders(416, -1);
                return;
            }
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            ex.sendResponseHeaders(206, content.length - from);
        } else {
            ex.sendResponseHeaders(200, content.length);
        }
        OutputStream body = ex.getResponseBody();
        int limit = content.length;
        if (request == 0 && dropFirstAfter >= 0) {
            limit = Math.min(limit, from + dropFirstAfter);
        }
        if (stallAfter >= 0) {
            limit = Math.min(limit, from + stallAfter);
        }
        int piece = Math.max(1, (limit - from + pieces - 1) / pieces);
        for (int at = from; at < limit; at += piece) {
            body.write(content, at, Math.min(piece, limit - at));
            body.flush();
            if (pauseMillis > 0 && at + piece < limit) {
                sleep(pauseMillis);
            }
        }
        if (limit < content.length) {
            if (stallAfter >= 0) {
                awaitRelease();
            }
            // Leaving the handler with bytes owed makes the server close the connection: the
            // client sees the body end early, like a dropped connection.
            throw new IOException("fake hub: dropping the connection after " + (limit - from) + " bytes");
        }
    }

    private void awaitRelease() {
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
