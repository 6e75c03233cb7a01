package dev.efficientformer.testing;

import dev.efficientformer.weights.torch.PickleWriter;
import dev.efficientformer.weights.torch.TorchZipWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes the seed corpora of the Jazzer fuzz tests (committed under
 * {@code src/test/resources/dev/efficientformer/<package>/<Test>Inputs/<method>/}). Each corpus
 * has the real tiny_v1 and tiny_v2 fixtures (the seeds that reach model building) and a few small files
 * built here that reach the readers' other paths: other dtypes, metadata, strided tensors, every
 * image colour type. Rerun after changing the formats:
 *
 * <pre>
 * java -cp library/target/test-classes:library/target/classes dev.efficientformer.testing.FuzzSeeds library/src/test/resources
 * </pre>
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "library/src/test/resources");
        Path fixtures = resources.resolve("fixtures/tiny/tiny_v1");
        Path v2 = resources.resolve("fixtures/tiny/tiny_v2");

        Path st = dir(resources, "weights/SafetensorsFuzzTestInputs/safetensors");
        link(st.resolve("tiny_v1.safetensors"), fixtures.resolve("model.safetensors"));
        link(st.resolve("tiny_v2.safetensors"), v2.resolve("model.safetensors"));
        Files.write(st.resolve("dtypes.safetensors"), safetensors("{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[16,22]},"
                + "\"c\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[22,24]},"
                + "\"d\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[24,32]},"
                + "\"e\":{\"dtype\":\"F32\",\"shape\":[0,4],\"data_offsets\":[32,32]}}", 32));
        Files.write(st.resolve("empty.safetensors"), safetensors("{}", 0));

        Path pth = dir(resources, "weights/TorchCheckpointFuzzTestInputs/checkpoint");
        link(pth.resolve("tiny_v1.pth"), fixtures.resolve("model_orig.pth"));
        link(pth.resolve("tiny_v2.pth"), v2.resolve("model_orig.pth"));
        byte[] smallPickle = smallStateDictPickle();
        Path small = Files.createTempFile("seed", ".pth");
        new TorchZipWriter()
                .entry("small/data.pkl", smallPickle)
                .entry("small/byteorder", "little".getBytes(StandardCharsets.US_ASCII))
                .entry("small/data/0", floats(6))
                .entry("small/data/1", new byte[8])
                .entry("small/data/2", new byte[6])
                .entry("small/version", "3\n".getBytes(StandardCharsets.US_ASCII))
                .write(small);
        Files.write(pth.resolve("small.pth"), Files.readAllBytes(small));
        Files.delete(small);

        Path pkl = dir(resources, "weights/TorchCheckpointFuzzTestInputs/pickle");
        try (Arena arena = Arena.ofConfined()) {
            var zip = dev.efficientformer.weights.torch.ZipArchive.map(fixtures.resolve("model_orig.pth"), arena);
            Files.write(pkl.resolve("tiny_v1.pkl"),
                    zip.storedData(zip.find("model_orig/data.pkl").orElseThrow()).toArray(ValueLayout.JAVA_BYTE));
        }
        Files.write(pkl.resolve("small.pkl"), smallPickle);

        Path img = dir(resources, "image/ImageDecodingFuzzTestInputs/decodeAndPreprocess");
        Files.write(img.resolve("rgb.png"), encode(picture(BufferedImage.TYPE_INT_RGB, 8, 6), "png"));
        Files.write(img.resolve("rgba.png"), encode(picture(BufferedImage.TYPE_INT_ARGB, 5, 7), "png"));
        Files.write(img.resolve("gray.png"), encode(picture(BufferedImage.TYPE_BYTE_GRAY, 6, 6), "png"));
        Files.write(img.resolve("gray16.png"), encode(picture(BufferedImage.TYPE_USHORT_GRAY, 4, 3), "png"));
        Files.write(img.resolve("palette.png"), encode(palette(6, 4), "png"));
        Files.write(img.resolve("rgb.jpg"), encode(picture(BufferedImage.TYPE_3BYTE_BGR, 16, 8), "jpeg"));
        Files.write(img.resolve("gray.jpg"), encode(picture(BufferedImage.TYPE_BYTE_GRAY, 8, 8), "jpeg"));
        Files.write(img.resolve("progressive.jpg"), progressiveJpeg(picture(BufferedImage.TYPE_3BYTE_BGR, 16, 16)));
        Files.write(img.resolve("palette.gif"), encode(palette(5, 5), "gif"));
        Files.write(img.resolve("rgb.bmp"), encode(picture(BufferedImage.TYPE_3BYTE_BGR, 3, 2), "bmp"));
        Files.write(img.resolve("rgb.tiff"), encode(picture(BufferedImage.TYPE_3BYTE_BGR, 3, 3), "tiff"));
    }


    /** A relative symbolic link, so that the fixture is not stored twice (Jazzer follows links). */
    private static void link(Path link, Path target) throws IOException {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, link.getParent().toAbsolutePath().relativize(target.toAbsolutePath()));
    }

    private static Path dir(Path resources, String relative) throws IOException {
        return Files.createDirectories(resources.resolve("dev/efficientformer").resolve(relative));
    }

    private static byte[] safetensors(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        for (int i = 0; i < dataBytes; i++) {
            b.put((byte) (i * 37));
        }
        return b.array();
    }

    /**
     * {'model': OrderedDict(w: float32 [2, 3] viewed transposed (strides 1, 2), n: int64 [],
     * h: float16 [3])}: a strided copy, a scalar, and a half-precision tensor.
     */
    private static byte[] smallStateDictPickle() {
        return TorchZipWriter.modelPickle(w -> {
            w.str("w").tensor("FloatStorage", "0", 6, 0, new long[] {2, 3}, new long[] {1, 2});
            w.str("n").tensor("LongStorage", "1", 1, 0, new long[] {}, new long[] {});
            w.str("h").tensor("HalfStorage", "2", 3, 0, new long[] {3}, new long[] {1});
        });
    }

    private static byte[] floats(int n) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putFloat(i * 0.5f - 1);
        }
        return b.array();
    }

    private static BufferedImage picture(int type, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 40, 90, 180));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(20, 180, 60, 255));
        g.fillOval(1, 1, Math.max(1, w - 2), Math.max(1, h - 2));
        g.dispose();
        return img;
    }

    private static BufferedImage palette(int w, int h) {
        byte[] r = {0, (byte) 255, 0, 0};
        byte[] gr = {0, 0, (byte) 255, 0};
        byte[] b = {0, 0, 0, (byte) 255};
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, r, gr, b, 0));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (x + y) % 4);
            }
        }
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    private static byte[] progressiveJpeg(BufferedImage img) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter w = writers.next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }
}
