package dev.efficientformer.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.model.ModelZoo;
import dev.efficientformer.model.ZooEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link WeightDownloader} against a local fake of the Hugging Face hub. */
@Timeout(30)
class DownloadTest {
    private static final int SIZE = 3 * 1024 * 1024 + 123;
    private static final String HUB_PATH = "/timm/efficientformer_l1.snap_dist_in1k/resolve/main/model.safetensors";

    @TempDir
    Path cache;

    private FakeHub hub;
    private final ZooEntry l1 = ModelZoo.entry("efficientformer_l1");

    @BeforeEach
    void startHub() throws IOException {
        hub = new FakeHub(SIZE, 42);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private WeightDownloader downloader() {
        return downloader(Duration.ofSeconds(10));
    }

    private WeightDownloader downloader(Duration idleTimeout) {
        return new WeightDownloader(cache, hub.base(), Duration.ofSeconds(5), idleTimeout);
    }

    private Path file() {
        return cache.resolve("weights/efficientformer_l1/model.safetensors");
    }

    private Path part() {
        return cache.resolve("weights/efficientformer_l1/model.safetensors.part");
    }

    private Path sidecar() {
        return cache.resolve("weights/efficientformer_l1/model.safetensors.sha256");
    }

    private static ZooEntry withSha(ZooEntry e, String sha256) {
        return new ZooEntry(e.name(), e.pretrainedTag(), e.hubRepository(), e.hubRevision(), e.fileName(), e.paramsMillions(),
                e.gmacs(), e.preprocess(), e.keyListResource(), sha256);
    }

    @Test
    void downloadsVerifiesAndPublishesTheFile() throws IOException {
        Recorder rec = new Recorder();
        Path got = downloader().download(l1, rec);

        assertEquals(file(), got);
        assertArrayEquals(hub.content, Files.readAllBytes(got));
        assertFalse(Files.exists(part()));
        assertEquals(hub.sha256 + "  model.safetensors\n", Files.readString(sidecar()));
        assertEquals(List.of(new FakeHub.Seen(HUB_PATH, null)), hub.requests);
        assertEquals(List.of("started efficientformer_l1 0 " + SIZE), rec.events.stream().filter(s -> s.startsWith("started")).toList());
        assertEquals("finished " + SIZE, rec.events.getLast());
        assertTrue(rec.messages.isEmpty(), rec.messages.toString());
        assertEquals(SIZE, rec.lastDone);
    }

    @Test
    void resumesWithRangeAfterTheConnectionDropsHalfway() throws IOException {
        hub.dropFirstAfter = SIZE / 2;

        DownloadException first = assertThrows(DownloadException.class, () -> downloader().download(l1, ProgressListener.NONE));
        assertTrue(first.getMessage().contains("run again to resume"), first.getMessage());
        long kept = Files.size(part());
        assertTrue(kept > 0 && kept < SIZE, "part file keeps what arrived: " + kept);
        assertFalse(Files.exists(file()));

        Recorder rec = new Recorder();
        Path got = downloader().download(l1, rec);
        assertArrayEquals(hub.content, Files.readAllBytes(got));
        assertEquals(List.of(new FakeHub.Seen(HUB_PATH, null), new FakeHub.Seen(HUB_PATH, "bytes=" + kept + "-")), hub.requests);
        assertTrue(rec.events.contains("started efficientformer_l1 " + kept + " " + SIZE), rec.events.toString());
        assertFalse(Files.exists(part()));
    }

    @Test
    void startsOverWhenTheServerIgnoresRange() throws IOException {
        hub.honorRange = false;
        Files.createDirectories(part().getParent());
        byte[] junk = new byte[1000];
        Arrays.fill(junk, (byte) 7);
        Files.write(part(), junk);

        Path got = downloader().download(l1, ProgressListener.NONE);

        assertArrayEquals(hub.content, Files.readAllBytes(got));
        assertEquals(List.of(new FakeHub.Seen(HUB_PATH, "bytes=1000-")), hub.requests);
    }

    @Test
    void followsTheRedirectToTheCdnAndTakesTheChecksumFromTheRedirect() throws IOException {
        hub.redirect = true;
        hub.etag = "\"d41d8cd98f00b204e9800998ecf8427e-3\"";  // an S3 multipart tag, not a sha256

        Recorder rec = new Recorder();
        Path got = downloader().download(l1, rec);

        assertArrayEquals(hub.content, Files.readAllBytes(got));
        assertEquals(List.of(new FakeHub.Seen(HUB_PATH, null), new FakeHub.Seen(FakeHub.CDN_PATH, null)), hub.requests);
        assertTrue(rec.messages.isEmpty(), "verified via X-Linked-Etag of the redirect: " + rec.messages);
    }

    @Test
    void theRangeHeaderFollowsTheRedirect() throws IOException {
        hub.redirect = true;
        Files.createDirectories(part().getParent());
        Files.write(part(), Arrays.copyOf(hub.content, 5000));

        Path got = downloader().download(l1, ProgressListener.NONE);

        assertArrayEquals(hub.content, Files.readAllBytes(got));
        assertEquals(List.of(new FakeHub.Seen(HUB_PATH, "bytes=5000-"), new FakeHub.Seen(FakeHub.CDN_PATH, "bytes=5000-")),
                hub.requests);
    }

    @Test
    void rejectsAFileWhoseHashDiffersFromTheServersAndDeletesThePart() {
        String wrong = "0".repeat(64);
        hub.linkedEtag = "\"" + wrong + "\"";

        DownloadException e = assertThrows(DownloadException.class, () -> downloader().download(l1, ProgressListener.NONE));

        assertTrue(e.getMessage().contains(wrong) && e.getMessage().contains(hub.sha256), e.getMessage());
        assertFalse(Files.exists(part()));
        assertFalse(Files.exists(file()));
    }

    @Test
    void theZoosKnownHashWinsOverTheServers() {
        String wrong = "1".repeat(64);
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader().download(withSha(l1, wrong), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("published sha256 is " + wrong), e.getMessage());
        assertFalse(Files.exists(part()));

        hub.linkedEtag = null;
        Path got = downloader().download(withSha(l1, hub.sha256), ProgressListener.NONE);
        assertTrue(Files.exists(got));
    }

    @Test
    void anAlreadyDownloadedFileIsNotFetchedAgain() {
        downloader().download(l1, ProgressListener.NONE);
        assertEquals(1, hub.requests.size());

        Path again = downloader().download(l1, ProgressListener.NONE);
        Path known = downloader().download(withSha(l1, hub.sha256), ProgressListener.NONE);

        assertEquals(file(), again);
        assertEquals(file(), known);
        assertEquals(1, hub.requests.size(), "no request for a file already in place");
        assertTrue(downloader().cached(l1).isPresent());
    }

    @Test
    void aCachedFileThatDoesNotMatchTheKnownHashIsDownloadedAgain() throws IOException {
        Files.createDirectories(file().getParent());
        Files.write(file(), new byte[] {1, 2, 3});

        Recorder rec = new Recorder();
        Path got = downloader().download(withSha(l1, hub.sha256), rec);

        assertArrayEquals(hub.content, Files.readAllBytes(got));
        assertTrue(rec.messages.getFirst().contains("downloading it again"), rec.messages.toString());
    }

    @Test
    void withoutAnyChecksumTheComputedOneIsRecordedAndReported() throws IOException {
        hub.linkedEtag = null;
        hub.etag = "\"0123456789abcdef0123456789abcdef01234567\"";  // a git blob sha1: not a sha256

        Recorder rec = new Recorder();
        Path got = downloader().download(l1, rec);

        assertArrayEquals(hub.content, Files.readAllBytes(got));
        assertEquals(hub.sha256 + "  model.safetensors\n", Files.readString(sidecar()));
        assertEquals(1, rec.messages.size());
        assertTrue(rec.messages.getFirst().startsWith("could not verify"), rec.messages.getFirst());
        assertTrue(rec.messages.getFirst().contains(hub.sha256), rec.messages.getFirst());
    }

    @Test
    void aPlainEtagThatIsASha256IsUsed() {
        hub.linkedEtag = null;
        hub.etag = "W/\"" + "2".repeat(64) + "\"";

        DownloadException e = assertThrows(DownloadException.class, () -> downloader().download(l1, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("2".repeat(64)), e.getMessage());
    }

    @Test
    void aCompletePartFileAnswered416IsPublishedWithoutDownloadingAgain() throws IOException {
        Files.createDirectories(part().getParent());
        Files.write(part(), hub.content);

        Path got = downloader().download(l1, ProgressListener.NONE);

        assertArrayEquals(hub.content, Files.readAllBytes(got));
        assertEquals(List.of(new FakeHub.Seen(HUB_PATH, "bytes=" + SIZE + "-")), hub.requests);
    }

    @Test
    void aPartFileLongerThanTheServersFileStartsOver() throws IOException {
        Files.createDirectories(part().getParent());
        Files.write(part(), new byte[SIZE + 10]);

        Path got = downloader().download(l1, ProgressListener.NONE);

        assertArrayEquals(hub.content, Files.readAllBytes(got));
        assertEquals(List.of(new FakeHub.Seen(HUB_PATH, "bytes=" + (SIZE + 10) + "-"), new FakeHub.Seen(HUB_PATH, null)),
                hub.requests);
    }

    @Test
    void aServerThatGoesSilentIsAbandonedAndThePartKept() throws IOException {
        hub.stallAfter = 100_000;

        long t0 = System.nanoTime();
        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader(Duration.ofMillis(700)).download(l1, ProgressListener.NONE));
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertTrue(e.getMessage().contains("no data") && e.getMessage().contains("run again to resume"), e.getMessage());
        assertTrue(millis < 5000, "gave up after " + millis + " ms");
        assertEquals(100_000, Files.size(part()));
    }

    @Test
    void aSlowButSteadyTransferOutlastsTheIdleTimeout() throws IOException {
        // 8 pieces 250 ms apart: 1.75 s in all, but never 700 ms without data. This also shows
        // that the HttpClient's request timeout (set to the idle timeout) ends with the headers.
        hub.pieces = 8;
        hub.pauseMillis = 250;

        Path got = downloader(Duration.ofMillis(700)).download(l1, ProgressListener.NONE);

        assertArrayEquals(hub.content, Files.readAllBytes(got));
    }

    @Test
    void offlineGivesAOneLineMessageNamingTheWeightsOption() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        WeightDownloader d = new WeightDownloader(cache, URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2),
                Duration.ofSeconds(2));

        DownloadException e = assertThrows(DownloadException.class, () -> d.download(l1, ProgressListener.NONE));

        String m = e.getMessage();
        assertTrue(m.startsWith("could not reach the model hub at http://127.0.0.1:" + port), m);
        assertTrue(m.contains("--weights FILE") && m.contains(".safetensors or .pth"), m);
        assertFalse(m.contains("\n"), m);
        assertTrue(e instanceof dev.efficientformer.EfficientFormerException);
        assertFalse(Files.exists(file()));
    }

    @Test
    void anErrorStatusIsNamed() {
        hub.failWith = 404;

        DownloadException e = assertThrows(DownloadException.class, () -> downloader().download(l1, ProgressListener.NONE));

        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains(HUB_PATH), e.getMessage());
        assertTrue(e.getMessage().contains("--weights FILE"), e.getMessage());
    }

    @Test
    void theHubUrlPropertyRedirectsTheDefaultDownloader() {
        String before = System.getProperty(ModelZoo.HUB_URL_PROPERTY);
        System.setProperty(ModelZoo.HUB_URL_PROPERTY, hub.base() + "/");
        try {
            WeightDownloader d = new WeightDownloader(cache, null, Duration.ofSeconds(5), Duration.ofSeconds(10));
            assertArrayEquals(hub.content, readAll(d.download(l1, ProgressListener.NONE)));
            assertEquals(HUB_PATH, hub.requests.getFirst().path());
        } finally {
            if (before == null) {
                System.clearProperty(ModelZoo.HUB_URL_PROPERTY);
            } else {
                System.setProperty(ModelZoo.HUB_URL_PROPERTY, before);
            }
        }
    }

    @Test
    void concurrentDownloadsOfOneModelFetchItOnce() throws Exception {
        hub.pieces = 4;
        hub.pauseMillis = 100;
        WeightDownloader d = downloader();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread[] threads = new Thread[3];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = Thread.ofPlatform().start(() -> {
                try {
                    d.download(l1, ProgressListener.NONE);
                } catch (Throwable t) {
                    errors.add(t);
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(1, hub.requests.size());
        assertArrayEquals(hub.content, Files.readAllBytes(file()));
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Records what a listener is told, in order. */
    private static final class Recorder implements ProgressListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> messages = new CopyOnWriteArrayList<>();
        long lastDone = -1;

        @Override
        public void started(String label, long resumedFrom, long totalBytes) {
            events.add("started " + label + " " + resumedFrom + " " + totalBytes);
        }

        @Override
        public void progress(long doneBytes, long totalBytes) {
            lastDone = doneBytes;
        }

        @Override
        public void finished(long totalBytes) {
            events.add("finished " + totalBytes);
        }

        @Override
        public void message(String line) {
            messages.add(line);
            assertNull(line.contains("\n") ? line : null, "messages are one line");
        }
    }
}
