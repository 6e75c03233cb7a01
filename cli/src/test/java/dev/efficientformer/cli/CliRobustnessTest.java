package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.ChildJvm;
import dev.efficientformer.testing.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line in real JVMs, fed everything that can go wrong: every failure is a non-zero
 * exit (2 for usage, 1 otherwise) and exactly one line on standard error naming the problem;
 * never a stack trace, never a JVM crash report (each JVM writes its would-be crash report to a
 * file this test checks is absent).
 */
class CliRobustnessTest {
    @TempDir
    static Path dir;

    static Path tinySafetensors;
    static Path tinyPth;
    static Path image;

    /** One failing invocation: JVM options, arguments, expected exit code, a fragment of the line. */
    record Case(String name, List<String> jvm, List<String> args, int exit, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void files() throws IOException {
        tinySafetensors = Fixtures.tiny("tiny_v1").resolve("model.safetensors");
        tinyPth = Fixtures.tiny("tiny_v1").resolve("model_orig.pth");
        image = Fixtures.resource("preprocess/images/chelsea.png");
        Files.writeString(dir.resolve("not-an-image.png"), "hello, I am text");
        Files.write(dir.resolve("bomb.png"), pngHeaderOnly(100_000, 100_000));
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        junk[0] = 100; // a header length that fits: garbage JSON follows
        Arrays.fill(junk, 1, 8, (byte) 0);
        junk[8] = '{';
        Files.write(dir.resolve("junk.safetensors"), junk);
        byte[] pth = Files.readAllBytes(tinyPth);
        Files.write(dir.resolve("truncated.pth"), Arrays.copyOf(pth, 4096));
        Files.write(dir.resolve("legacy.pth"), new byte[] {(byte) 0x80, 2, 'K', 1, '.'});
        ByteBuffer nan = ByteBuffer.allocate(4 * 3 * 224 * 224).order(ByteOrder.LITTLE_ENDIAN);
        nan.putFloat(4 * 1234, Float.NaN);
        Files.write(dir.resolve("nan.f32"), nan.array());
        Files.write(dir.resolve("ok.f32"), new byte[4 * 3 * 224 * 224]);
        Files.writeString(dir.resolve("a-file"), "not a folder");
        Files.createDirectories(dir.resolve("a-folder.safetensors"));
    }

    static Stream<Case> cases() {
        String w = tinySafetensors.toString();
        String d = dir.toString();
        List<Case> c = new ArrayList<>();
        c.add(new Case("image that is text", List.of(), List.of("classify", "--weights", w, d + "/not-an-image.png"), 1,
                "not-an-image.png: not a JPEG, PNG or other format"));
        c.add(new Case("decompression bomb", List.of(), List.of("classify", "--weights", w, d + "/bomb.png"), 1,
                "100000x100000 = 10000000000 pixels, above the image pixel limit of 100000000 pixels"));
        c.add(new Case("image limit from the property", List.of("-Defficientformer.limits.image.pixels=1000"),
                List.of("classify", "--weights", w, image.toString()), 1,
                "raise it with -Defficientformer.limits.image.pixels=135300"));
        c.add(new Case("a limit property that is not a number", List.of("-Defficientformer.limits.image.pixels=lots"),
                List.of("classify", "--weights", w, image.toString()), 1,
                "system property efficientformer.limits.image.pixels = \"lots\" is not a whole number"));
        c.add(new Case("safetensors of random bytes", List.of(), List.of("classify", "--weights", d + "/junk.safetensors",
                image.toString()), 1, "junk.safetensors: header is not valid UTF-8"));
        c.add(new Case("safetensors header over the limit", List.of("-Defficientformer.limits.safetensors.headerBytes=1000"),
                List.of("classify", "--weights", w, image.toString()), 1,
                "safetensors header of 11312 bytes exceeds the limit of 1000 bytes (raise it with"
                        + " -Defficientformer.limits.safetensors.headerBytes=11312 if the input is trusted)"));
        c.add(new Case("truncated .pth", List.of(), List.of("classify", "--weights", d + "/truncated.pth", image.toString()), 1,
                "truncated.pth is not a readable zip archive"));
        c.add(new Case("legacy .pth", List.of(), List.of("classify", "--weights", d + "/legacy.pth", image.toString()), 1,
                "legacy (pre-1.6) PyTorch pickle checkpoint"));
        c.add(new Case(".pth over the tensor limit", List.of("-Defficientformer.limits.checkpoint.tensors=10"),
                List.of("classify", "--weights", tinyPth.toString(), image.toString()), 1,
                "-Defficientformer.limits.checkpoint.tensors="));
        c.add(new Case("weights that do not exist", List.of(), List.of("classify", "--weights", d + "/nope.safetensors",
                image.toString()), 1, "nope.safetensors"));
        c.add(new Case("weights that are a folder", List.of(), List.of("classify", "--weights", d + "/a-folder.safetensors",
                image.toString()), 1, "a-folder.safetensors"));
        c.add(new Case("NaN in the input tensor", List.of(), List.of("infer", "--weights", w, "--input", d + "/nan.f32",
                "--shape", "1,3,224,224", "--output", d + "/y.f32"), 1,
                "nan.f32: input value 1234 (image 0, channel 0, row 5, column 114) is NaN"));
        c.add(new Case("output below a regular file", List.of(), List.of("infer", "--weights", w, "--input", d + "/ok.f32",
                "--shape", "1,3,224,224", "--output", d + "/a-file/y.f32"), 1, "a-file"));
        c.add(new Case("input of the wrong size", List.of(), List.of("infer", "--weights", w, "--input", d + "/ok.f32",
                "--shape", "2,3,224,224", "--output", d + "/y.f32"), 1, "has 602112 bytes, but shape 2,3,224,224"));
        c.add(new Case("shape with three dimensions", List.of(), List.of("infer", "--weights", w, "--input", d + "/ok.f32",
                "--shape", "1,3,224", "--output", d + "/y.f32"), 2, "--shape"));
        c.add(new Case("missing oneDNN with --backend dnnl", List.of("-Defficientformer.dnnl.library=" + d + "/none.so"),
                List.of("classify", "--weights", w, "--backend", "dnnl", image.toString()), 1,
                "backend dnnl is not available: oneDNN could not be loaded from the library named by system property"));
        c.add(new Case("out of Java heap", List.of("-Xmx24m"), List.of("bench", "--model", "efficientformer_l1",
                "--backend", "java", "--warmup", "0", "--iterations", "1"), 1,
                "out of memory (Java heap space): give the JVM more, e.g. EFFICIENTFORMER_JAVA_OPTS=-Xmx8g"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneLineAndANonZeroExit(Case c) throws Exception {
        Path crashReport = dir.resolve("hs_err_" + c.name().replace(' ', '_') + ".log");
        List<String> jvm = new ArrayList<>(c.jvm());
        jvm.add("-XX:ErrorFile=" + crashReport);
        jvm.add("-Defficientformer.cache.dir=" + dir.resolve("cache"));
        ChildJvm.Output r = ChildJvm.runSeparately(ChildJvm.classPath(), jvm, 120, EfficientFormerCli.class,
                c.args().toArray(String[]::new));
        assertEquals(c.exit(), r.exitCode(), r.toString());
        // Besides the error: library warnings and bench's documented notice about random weights.
        List<String> lines = r.stderr().lines().filter(l -> !l.startsWith("efficientformer: warning: ")
                && !l.startsWith("no downloaded weights for ")).toList();
        assertEquals(1, lines.size(), "exactly one line on standard error: " + r);
        assertTrue(lines.get(0).startsWith("efficientformer: "), r.toString());
        assertTrue(lines.get(0).contains(c.fragment()), "\"" + c.fragment() + "\" missing from: " + r);
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception in thread"), "a stack trace: " + r);
        assertFalse(Files.exists(crashReport), "the JVM crashed: " + crashReport);
        assertFalse(lines.get(0).contains("internal error"), "an unexpected exception type: " + r);
    }

    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}
