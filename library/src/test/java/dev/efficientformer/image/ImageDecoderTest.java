package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.Fixtures;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding and PIL-compatible RGB conversion, on PNGs built here with ImageIO, and failure modes. */
class ImageDecoderTest {
    private final ImageDecoder decoder = ImageDecoder.withDefaults();

    @TempDir
    Path tmp;

    @Test
    void greyIsReplicatedWithoutGammaConversion() throws IOException {
        int[] levels = {0, 1, 64, 128, 200, 255};
        BufferedImage grey = new BufferedImage(levels.length, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, levels.length, 1, 0, levels);
        RgbImage rgb = decoder.decode(png(grey), "grey.png");
        for (int x = 0; x < levels.length; x++) {
            int v = levels[x];
            // Java's getRGB would treat the grey as linear and return 137 for 64, not 64.
            assertEquals(v << 16 | v << 8 | v, rgb.rgb(x, 0), "grey level " + v);
        }
    }

    @Test
    void paletteColoursIgnoreTransparency() throws IOException {
        byte[] r = {(byte) 250, 10, 0, (byte) 128};
        byte[] g = {20, (byte) 240, 0, (byte) 128};
        byte[] b = {30, 50, (byte) 255, (byte) 128};
        byte[] a = {(byte) 255, 0, (byte) 100, (byte) 255};
        IndexColorModel palette = new IndexColorModel(8, 4, r, g, b, a);
        BufferedImage indexed = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        indexed.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {0, 1, 2, 3});
        RgbImage rgb = decoder.decode(png(indexed), "palette.png");
        // Entry 1 is fully transparent and entry 2 partly: PIL's p2rgb still returns the palette colour.
        assertEquals(0xFA141E, rgb.rgb(0, 0));
        assertEquals(0x0AF032, rgb.rgb(1, 0));
        assertEquals(0x0000FF, rgb.rgb(2, 0));
        assertEquals(0x808080, rgb.rgb(3, 0));
    }

    @Test
    void rgbaAlphaIsDroppedNotComposited() throws IOException {
        BufferedImage rgba = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x00C86432); // fully transparent, colour kept
        rgba.setRGB(1, 0, 0x800A141E); // half transparent
        rgba.setRGB(2, 0, 0xFFFFFFFF);
        RgbImage rgb = decoder.decode(png(rgba), "rgba.png");
        assertEquals(0xC86432, rgb.rgb(0, 0));
        assertEquals(0x0A141E, rgb.rgb(1, 0));
        assertEquals(0xFFFFFF, rgb.rgb(2, 0));
    }

    @Test
    void greyWithAlphaDropsAlpha() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixels(0, 0, 2, 1, new int[] {90, 0, 170, 128});
        RgbImage rgb = decoder.decode(png(new BufferedImage(cm, raster, false, null)), "la.png");
        assertEquals(0x5A5A5A, rgb.rgb(0, 0));
        assertEquals(0xAAAAAA, rgb.rgb(1, 0));
    }

    @Test
    void sixteenBitGreyIsClippedLikePil() throws IOException {
        BufferedImage grey16 = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {100, 255, 256, 65535});
        RgbImage rgb = decoder.decode(png(grey16), "grey16.png");
        // PIL opens 16-bit grey as I;16 and convert("RGB") clips at 255 instead of scaling.
        assertEquals(0x646464, rgb.rgb(0, 0));
        assertEquals(0xFFFFFF, rgb.rgb(1, 0));
        assertEquals(0xFFFFFF, rgb.rgb(2, 0));
        assertEquals(0xFFFFFF, rgb.rgb(3, 0));
    }

    @Test
    void sixteenBitRgbKeepsTheHighByte() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(1, 1);
        raster.setPixel(0, 0, new int[] {0x1234, 0xABCD, 0x00FF});
        RgbImage rgb = decoder.decode(png(new BufferedImage(cm, raster, false, null)), "rgb16.png");
        assertEquals(0x12AB00, rgb.rgb(0, 0));
    }

    @Test
    void cmykUsesPillowsIntegerFormula() {
        assertEquals(255, PilRgbConversion.cmykChannel(0, 255));
        assertEquals(0, PilRgbConversion.cmykChannel(255, 255));
        assertEquals(0, PilRgbConversion.cmykChannel(0, 0));
        assertEquals(125, PilRgbConversion.cmykChannel(100, 205), "205 - MULDIV255(100, 205) = 205 - 80");
    }

    @Test
    void pathStreamAndBytesDecodeAlike() throws IOException {
        Path chelsea = Fixtures.resource("preprocess/images/chelsea.png");
        RgbImage fromPath = decoder.decode(chelsea);
        assertEquals(451, fromPath.width());
        assertEquals(300, fromPath.height());
        byte[] bytes = Files.readAllBytes(chelsea);
        assertArrayEquals(fromPath.toInterleavedBytes(), decoder.decode(bytes, "chelsea").toInterleavedBytes());
        try (var in = Files.newInputStream(chelsea)) {
            assertArrayEquals(fromPath.toInterleavedBytes(), decoder.decode(in, "chelsea").toInterleavedBytes());
        }
    }

    @Test
    void truncatedPngNamesTheSource() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.resource("preprocess/images/chelsea.png"));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        ImageDecodingException e = assertThrows(ImageDecodingException.class, () -> decoder.decode(half, "chelsea-truncated.png"));
        assertTrue(e.getMessage().contains("chelsea-truncated.png"), e.getMessage());

        Path file = Files.write(tmp.resolve("half.png"), half);
        e = assertThrows(ImageDecodingException.class, () -> decoder.decode(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void truncatedJpegFailsInsteadOfBeingFilledWithGrey() throws IOException {
        BufferedImage noise = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(42);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(noise, "jpeg", out));
        byte[] whole = out.toByteArray();
        decoder.decode(whole, "noise.jpg");
        byte[] cut = Arrays.copyOf(whole, whole.length * 6 / 10);
        ImageDecodingException e = assertThrows(ImageDecodingException.class, () -> decoder.decode(cut, "noise-cut.jpg"));
        assertTrue(e.getMessage().contains("noise-cut.jpg") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void nonImageFileNamesTheSource() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.png"), "this is not an image, whatever its name says\n");
        ImageDecodingException e = assertThrows(ImageDecodingException.class, () -> decoder.decode(text));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());

        byte[] bytes = "GIF89a but nothing else".getBytes(StandardCharsets.US_ASCII);
        e = assertThrows(ImageDecodingException.class, () -> decoder.decode(bytes, "upload-17"));
        assertTrue(e.getMessage().contains("upload-17"), e.getMessage());

        Path missing = tmp.resolve("missing.jpg");
        e = assertThrows(ImageDecodingException.class, () -> decoder.decode(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void decompressionBombFailsOnTheHeaderWithoutAllocatingPixels() {
        byte[] bomb = pngHeaderOnly(100_000, 100_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ImageDecodingException e = assertThrows(ImageDecodingException.class, () -> decoder.decode(bomb, "bomb.png"));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        String m = e.getMessage();
        assertTrue(m.contains("bomb.png") && m.contains("100000x100000") && m.contains("100000000")
                && m.contains("withMaxPixels"), m);
        // 10^10 RGB pixels would be 30 GB; reading the header costs a few kilobytes.
        assertTrue(allocated < 16L << 20, "decoding a header-only PNG allocated " + allocated + " bytes");
    }

    @Test
    void pixelLimitIsConfigurable() throws IOException {
        byte[] fourByFour = png(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
        ImageDecodingException e = assertThrows(ImageDecodingException.class,
                () -> ImageDecoder.withMaxPixels(15).decode(fourByFour, "small.png"));
        assertTrue(e.getMessage().contains("4x4 = 16 pixels") && e.getMessage().contains("limit of 15"), e.getMessage());
        assertEquals(4, ImageDecoder.withMaxPixels(16).decode(fourByFour, "small.png").width());
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "png", out), "no PNG writer for " + image);
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR chunk (8-bit RGB) claiming {@code width x height}, and no pixel data. */
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
