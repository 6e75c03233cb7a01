package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.efficientformer.json.Json;
import dev.efficientformer.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * download, then classify and bench with --model, against a local stand-in for the hub that
 * serves the tiny checkpoint under every name (the CLI neither knows nor cares that it is tiny).
 */
class CliDownloadTest {
    private static final Path TINY = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
    private static final String CHELSEA = Fixtures.resource("preprocess/images/chelsea.png").toString();

    @TempDir
    Path cache;

    private HttpServer hub;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startHub() throws IOException, NoSuchAlgorithmException {
        byte[] body = Files.readAllBytes(TINY);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("X-Linked-Etag", "\"" + sha + "\"");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.stop(0);
    }

    private String hubUrl() {
        return "http://127.0.0.1:" + hub.getAddress().getPort();
    }

    @Test
    void downloadThenUseByName() {
        try (IsolatedCache c = new IsolatedCache(cache, hubUrl())) {
            CliRun d = CliRun.of("download", "efficientformer_l1");
            assertEquals(0, d.exitCode(), d::toString);
            Path file = cache.resolve("weights/efficientformer_l1/model.safetensors");
            assertTrue(Files.isRegularFile(file), d::toString);
            assertEquals(List.of("downloaded efficientformer_l1 to " + file), d.outLines());
            assertFalse(d.err().contains("efficientformer: "), "progress only, no error: " + d);

            CliRun again = CliRun.of("download", "efficientformer_l1");
            assertEquals(0, again.exitCode(), again::toString);
            assertTrue(again.out().contains("already downloaded"), again::toString);
            assertEquals(1, requests.get(), "the second download needs no network");

            CliRun cls = CliRun.of("classify", "--model", "efficientformer_l1", "--top", "3", CHELSEA);
            assertEquals(0, cls.exitCode(), cls::toString);
            assertEquals(3, cls.outLines().size(), cls::toString);
            assertEquals(cls.out(), CliRun.of("classify", "--top", "3", CHELSEA).out(), "efficientformer_l1 is the default");

            CliRun bench = CliRun.of("bench", "--model", "efficientformer_l1", "--iterations", "1", "--warmup", "0", "--json");
            assertEquals(0, bench.exitCode(), bench::toString);
            assertEquals("", bench.err(), "downloaded weights: no random-weights note");
            List<String> lines = bench.outLines();
            Map<String, Object> json = Json.parseObject(lines.get(lines.size() - 1));
            assertEquals(file.toString(), json.get("weights"));
        }
    }

    @Test
    void unreachableHubIsOneLine() {
        try (IsolatedCache c = new IsolatedCache(cache, null)) {
            CliRun r = CliRun.of("download", "efficientformer_l3");
            assertEquals(1, r.exitCode(), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
            assertTrue(r.err().startsWith("efficientformer: ") && r.err().contains("--weights FILE"), r::toString);
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        CliRun r = CliRun.of("download", "resnet50");
        assertEquals(2, r.exitCode(), "a usage error: " + r);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("efficientformer_l1, efficientformer_l3, efficientformer_l7"), r::toString);
    }
}
