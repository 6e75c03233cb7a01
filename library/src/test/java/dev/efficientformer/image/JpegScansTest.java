package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * JPEG scans are counted from the markers: real baseline and progressive files decode as before,
 * and a small file of thousands of scans (minutes of decoding) is refused at once.
 */
class JpegScansTest {
    private static byte[] jpeg(boolean progressive) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | ((x ^ y) & 0xff));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            if (progressive) {
                p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static long scans(byte[] file, long limit) throws IOException {
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(file))) {
            return JpegScans.count(in, limit);
        }
    }

    @Test
    void realFilesAreCountedAndStillDecode() throws IOException {
        assertEquals(1, scans(jpeg(false), 1000));
        long progressive = scans(jpeg(true), 1000);
        assertTrue(progressive > 1 && progressive < 20, "progressive scans: " + progressive);
        RgbImage decoded = ImageDecoder.withDefaults().decode(jpeg(true), "progressive.jpg");
        assertEquals(64, decoded.width());
    }

    /** SOI, a frame header, then 5000 scans of one byte of data each: 50 KB. */
    @Test
    @Timeout(30)
    void thousandsOfScansAreRefusedBeforeDecoding() throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        // SOF2 (progressive), 8-bit, 8x8, one component
        f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC2, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0});
        for (int i = 0; i < 5000; i++) {
            // SOS: one component, spectral 0..0, then one byte of entropy-coded data with a stuffed 0xFF00
            f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0, 0, 0x12, (byte) 0xFF, 0, (byte) 0xFF, (byte) 0xD3});
        }
        f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        byte[] file = f.toByteArray();
        assertEquals(5000, scans(file, 10_000), "counted through stuffed bytes and restart markers");
        assertEquals(101, scans(file, 100), "the walk stops past the limit");
        ImageDecodingException e = assertThrows(ImageDecodingException.class, () -> ImageDecoder.withDefaults().decode(file, "scans.jpg"));
        assertTrue(e.getMessage().contains("scans.jpg: it has more than 100 scans")
                && e.getMessage().contains("-Defficientformer.limits.jpeg.scans="), e.getMessage());
    }
}
