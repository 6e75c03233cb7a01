package dev.efficientformer.download;

import dev.efficientformer.CacheDirectory;
import dev.efficientformer.model.ModelZoo;
import dev.efficientformer.model.ZooEntry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads a zoo model's weights into the per-user cache, {@code <cache root>/weights/<name>/}, once.
 *
 * <p>The file is streamed into {@code model.safetensors.part}. A broken or stalled transfer keeps
 * what arrived, and the next call asks only for the rest ({@code Range}); a server that ignores
 * the range (200) is followed from the start, one that has nothing past the end (416) means the
 * part file is already complete. The result is checked against the SHA-256 the zoo knows, else
 * the one the hub vouches for ({@code X-Linked-Etag}, or an {@code ETag} that is a SHA-256), and
 * only then renamed into place, atomically: a file under its final name is always complete. Its
 * SHA-256 is written beside it ({@code model.safetensors.sha256}, in {@code sha256sum} format),
 * which also lets later calls skip re-hashing it. When no SHA-256 is available the computed one
 * is recorded there and the listener is told that the file could not be verified.
 *
 * <p>A file already in place is returned without any network access, so that a machine that
 * downloaded once works offline. When the hub cannot be reached, the {@link DownloadException}
 * says so in one line and names the alternative, {@code --weights FILE}.
 *
 * <p>Thread-safety: safe from any thread. Downloads of the same model, from threads of this JVM
 * or from other processes sharing the cache, wait for each other (a lock file in the model's
 * folder); the later one then finds the file in place.
 */
public final class WeightDownloader {
    /** Default time allowed to open a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time the server may stay silent, before answering or in the middle of the body. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** The alternative every failure message names. */
    static final String ALTERNATIVE = "pass --weights FILE (a local .safetensors or .pth) instead";
    // A fresh attempt, plus one restart when the server does not continue the part file, plus one
    // spare in case the restart is also answered oddly. More would only loop on a broken server.
    private static final int MAX_REQUESTS = 3;

    private final Path cacheRoot;
    private final URI hubUrl;
    private final Duration connectTimeout;
    private final Duration idleTimeout;

    /** A downloader into {@link CacheDirectory#root()} from {@link ModelZoo#hubUrl()}, with default timeouts. */
    public WeightDownloader() {
        this(CacheDirectory.root(), null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * A downloader with everything chosen by the caller.
     *
     * @param cacheRoot the cache root; weights go under {@code cacheRoot/weights/}
     * @param hubUrl the hub's base URL, or {@code null} for {@link ModelZoo#hubUrl()} at each download
     * @param connectTimeout time allowed to open a connection
     * @param idleTimeout time the server may stay silent before the transfer is abandoned
     */
    public WeightDownloader(Path cacheRoot, URI hubUrl, Duration connectTimeout, Duration idleTimeout) {
        this.cacheRoot = Objects.requireNonNull(cacheRoot, "cacheRoot");
        this.hubUrl = hubUrl;
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.idleTimeout = positive(idleTimeout, "idleTimeout");
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    /** Where {@code entry}'s weights live once downloaded: {@code <cache root>/weights/<name>/<file>}. */
    public Path targetFile(ZooEntry entry) {
        return cacheRoot.resolve("weights").resolve(entry.name()).resolve(entry.fileName());
    }

    /** The weights of {@code entry} if they are already in place and pass the check {@link #download} would do. */
    public Optional<Path> cached(ZooEntry entry) {
        try {
            return inPlace(entry, targetFile(entry), ProgressListener.NONE);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The weights of {@code entry}, downloading them first unless they are already in place.
     *
     * @param listener told about progress; {@link ProgressListener#NONE} for silence
     * @return the verified file, {@code <cache root>/weights/<name>/model.safetensors}
     * @throws DownloadException when the hub cannot be reached, the transfer breaks off (run again
     *     to resume), or the file does not match its SHA-256
     */
    @SuppressWarnings("try") // the lock is held for the block's duration, never referenced in it
    public Path download(ZooEntry entry, ProgressListener listener) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(listener, "listener");
        Path file = targetFile(entry);
        try {
            // Checked again under the lock; only that check reports, so a message appears once.
            Optional<Path> ready = inPlace(entry, file, ProgressListener.NONE);
            if (ready.isPresent()) {
                return ready.get();
            }
            Files.createDirectories(file.getParent());
            try (DownloadLock lock = DownloadLock.acquire(file.resolveSibling(".download.lock"), entry.name(), listener)) {
                // Whoever held the lock may just have finished the same download.
                ready = inPlace(entry, file, listener);
                if (ready.isPresent()) {
                    return ready.get();
                }
                return fetch(entry, file, listener);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("download of " + entry.name() + " was interrupted; run again to resume", e);
        } catch (IOException e) {
            throw new DownloadException("cannot write " + entry.name() + " weights under " + file.getParent() + ": " + e
                    + "; set " + CacheDirectory.PROPERTY + " to a writable folder, or " + ALTERNATIVE, e);
        }
    }

    /**
     * The file if it is in place and consistent with what is known of it. A file that is not is
     * left alone: the download that follows replaces it atomically, and until then another
     * process may still be reading it.
     */
    private static Optional<Path> inPlace(ZooEntry entry, Path file, ProgressListener listener) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Optional<String> known = entry.knownSha256();
        if (known.isEmpty()) {
            // It was verified (or recorded as unverifiable) when it was renamed into place.
            return Optional.of(file);
        }
        if (known.get().equals(recordedSha256(file).orElse(null))) {
            return Optional.of(file);
        }
        String actual = Sha256.of(file);
        if (actual.equals(known.get())) {
            writeSidecar(file, actual);
            return Optional.of(file);
        }
        listener.message(file + " has sha256 " + actual + ", not the published " + known.get() + "; downloading it again");
        return Optional.empty();
    }

    private Path fetch(ZooEntry entry, Path file, ProgressListener listener) throws IOException, InterruptedException {
        URI hub = hubUrl != null ? hubUrl : ModelZoo.hubUrl();
        URI uri = entry.downloadUri(hub);
        Path part = file.resolveSibling(file.getFileName() + ".part");
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // NORMAL follows the hub's redirect to its CDN but never from https down to http.
                .followRedirects(HttpClient.Redirect.NORMAL)
                // One stream per file gains nothing from HTTP/2, and plain-http mirrors would get
                // an h2c upgrade attempt on every request.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        try {
            for (int request = 0; request < MAX_REQUESTS; request++) {
                PartFetch.Outcome outcome;
                try {
                    outcome = PartFetch.run(client, uri, part, idleTimeout, entry.name(), listener);
                } catch (IOException e) {
                    throw failure(entry, hub, uri, part, e);
                }
                switch (outcome) {
                    case PartFetch.Complete c -> {
                        return publish(entry, uri, file, part, c, listener);
                    }
                    case PartFetch.Restart r -> {
                        listener.message("starting " + entry.name() + " over: " + r.why());
                        Files.deleteIfExists(part);
                    }
                }
            }
            throw new DownloadException("the server at " + uri + " kept answering range requests inconsistently; "
                    + ALTERNATIVE);
        } finally {
            client.shutdownNow();
        }
    }

    private static Path publish(ZooEntry entry, URI uri, Path file, Path part, PartFetch.Complete c,
                                ProgressListener listener) throws IOException {
        if (c.expectedSize() >= 0 && c.size() != c.expectedSize()) {
            Files.deleteIfExists(part);
            throw new DownloadException("download of " + entry.name() + " from " + uri + " ended at " + c.size()
                    + " bytes, but the server announced " + c.expectedSize() + "; deleted it, run again");
        }
        Optional<String> expected = entry.knownSha256().or(c::serverSha256);
        if (expected.isPresent() && !expected.get().equals(c.sha256())) {
            Files.deleteIfExists(part);
            String source = entry.knownSha256().isPresent() ? "the published sha256" : "the sha256 the hub announced";
            throw new DownloadException("downloaded " + entry.name() + " from " + uri + " has sha256 " + c.sha256()
                    + " but " + source + " is " + expected.get() + "; deleted the download, run again or " + ALTERNATIVE);
        }
        writeSidecar(file, c.sha256());
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (expected.isEmpty()) {
            listener.message("could not verify " + file + ": neither the zoo nor the server gave a sha256; its sha256 "
                    + c.sha256() + " is recorded in " + sidecar(file));
        }
        listener.finished(c.size());
        return file;
    }

    /** The one-line exception for a failed transfer, telling "unreachable" apart from "broke off". */
    private static DownloadException failure(ZooEntry entry, URI hub, URI uri, Path part, IOException e) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (isUnreachable(e)) {
            return new DownloadException("could not reach the model hub at " + hub + " to download " + entry.name()
                    + " (" + describe(e) + "); check the network or " + ALTERNATIVE, e);
        }
        return new DownloadException("download of " + entry.name() + " from " + uri + " broke off after "
                + String.format(Locale.ROOT, "%.1f", have / 1e6) + " MB (" + describe(e)
                + "); run again to resume, or " + ALTERNATIVE, e);
    }

    private static boolean isUnreachable(Throwable e) {
        if (e instanceof PartFetch.Stalled) {
            return false;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException
                    || c instanceof UnresolvedAddressException || c instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A short phrase for a network failure; the JDK's own messages are often null or multi-line. */
    private static String describe(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return "unknown host";
            }
            if (c instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (c instanceof HttpTimeoutException) {
                return "timed out: " + oneLine(c.getMessage());
            }
        }
        if (e instanceof PartFetch.Stalled) {
            return e.getMessage();
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + oneLine(msg));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    private static Optional<String> recordedSha256(Path file) {
        try {
            String line = Files.readString(sidecar(file), StandardCharsets.US_ASCII).strip();
            int space = line.indexOf(' ');
            String hex = space < 0 ? line : line.substring(0, space);
            return Sha256.isHex(hex) ? Optional.of(hex) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code <hex>  <name>} beside {@code file}, atomically. */
    private static void writeSidecar(Path file, String sha256) throws IOException {
        Path sidecar = sidecar(file);
        // A unique temporary name: a check outside the lock may write the same sidecar concurrently.
        Path tmp = Files.createTempFile(file.getParent(), ".sha256-", ".tmp");
        try {
            Files.writeString(tmp, sha256 + "  " + file.getFileName() + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, sidecar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
