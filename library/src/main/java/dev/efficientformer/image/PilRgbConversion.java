package dev.efficientformer.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Converts a decoded {@link BufferedImage} to 8-bit RGB with the result PIL's
 * {@code Image.open(f).convert("RGB")} gives for the same file.
 *
 * <p>Works on raw raster samples, never on {@link BufferedImage#getRGB}, where it can: Java treats
 * 8-bit grey as linear and would brighten it through its colour management, and would apply
 * embedded ICC profiles, while PIL copies the stored numbers. The rules, each matching a Pillow
 * unpacker or {@code libImaging/Convert.c} routine:
 * <ul>
 *   <li>palette ({@link IndexColorModel}): the palette's RGB; palette alpha/tRNS is ignored
 *       ({@code p2rgb});
 *   <li>grey: {@code R = G = B = L} ({@code l2rgb}); 1/2/4-bit grey scaled to 0..255 as PIL's
 *       {@code 1}, {@code L;2}, {@code L;4} unpackers do; grey deeper than 8 bits without alpha
 *       is clipped at 255, not scaled (PIL opens it as {@code I;16}/{@code I} and
 *       {@code I16_RGB}/{@code i2rgb} clip); grey deeper than 8 bits with alpha keeps the most
 *       significant byte (PIL's {@code LA;16B} unpacker);
 *   <li>RGB: deeper than 8 bits keeps the most significant byte ({@code RGB;16B},
 *       {@code RGBA;16B});
 *   <li>alpha, in every mode, is dropped, not composited over any background
 *       ({@code rgba2rgb}, {@code la2rgb});
 *   <li>8-bit CMYK: Pillow's {@code cmyk2rgb}, {@code R = (255-K) - (C(255-K))/255} in its
 *       integer rounding;
 *   <li>anything else (float samples, premultiplied alpha, packed pixels, other colour spaces):
 *       Java's own conversion to sRGB via {@code getRGB}, which is exact for the packed sRGB
 *       types ({@code TYPE_INT_RGB}, {@code TYPE_INT_ARGB}, ...) but has no PIL counterpart in
 *       general.
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
final class PilRgbConversion {
    private PilRgbConversion() {
    }

    static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        RgbImage.checkSize(w, h);
        byte[] out = new byte[w * h * 3];
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        if (cm instanceof IndexColorModel palette) {
            fromPalette(raster, palette, w, h, out);
        } else if (cm instanceof ComponentColorModel && !cm.isAlphaPremultiplied() && hasIntegerSamples(raster)) {
            int type = cm.getColorSpace().getType();
            int colours = cm.getNumColorComponents();
            int bits = cm.getComponentSize(0);
            if (type == ColorSpace.TYPE_GRAY && colours == 1) {
                fromGrey(raster, bits, cm.hasAlpha(), w, h, out);
            } else if (type == ColorSpace.TYPE_RGB && colours == 3) {
                fromRgb(raster, bits, w, h, out);
            } else if (type == ColorSpace.TYPE_CMYK && colours == 4) {
                fromCmyk(raster, bits, w, h, out);
            } else {
                viaJavaColourConversion(image, w, h, out);
            }
        } else {
            viaJavaColourConversion(image, w, h, out);
        }
        return RgbImage.wrap(w, h, out);
    }

    private static boolean hasIntegerSamples(Raster raster) {
        int t = raster.getTransferType();
        return t == DataBuffer.TYPE_BYTE || t == DataBuffer.TYPE_USHORT || t == DataBuffer.TYPE_INT;
    }

    private static void fromPalette(Raster raster, IndexColorModel palette, int w, int h, byte[] out) {
        int size = palette.getMapSize();
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        palette.getReds(r);
        palette.getGreens(g);
        palette.getBlues(b);
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                // An index past the palette's end has no colour of the file's: PIL starts every
                // palette as the grey ramp (i, i, i) and writes the file's entries over it, so it
                // shows grey there (Pillow 9.4), where ImageIO's colour model gives black.
                int i = row[x];
                boolean inside = i < size;
                byte grey = (byte) Math.min(i, 255);
                out[o++] = inside ? r[i] : grey;
                out[o++] = inside ? g[i] : grey;
                out[o++] = inside ? b[i] : grey;
            }
        }
    }

    private static void fromGrey(Raster raster, int bits, boolean hasAlpha, int w, int h, byte[] out) {
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int v = bits > 8 && !hasAlpha ? Math.min(row[x], 255) : to8Bits(row[x], bits);
                byte bv = (byte) v;
                out[o++] = bv;
                out[o++] = bv;
                out[o++] = bv;
            }
        }
    }

    private static void fromRgb(Raster raster, int bits, int w, int h, byte[] out) {
        int bands = raster.getNumBands();
        int[] row = new int[w * bands];
        int o = 0;
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int x = 0, i = 0; x < w; x++, i += bands) {
                out[o++] = (byte) to8Bits(row[i], bits);
                out[o++] = (byte) to8Bits(row[i + 1], bits);
                out[o++] = (byte) to8Bits(row[i + 2], bits);
            }
        }
    }

    private static void fromCmyk(Raster raster, int bits, int w, int h, byte[] out) {
        int bands = raster.getNumBands();
        int[] row = new int[w * bands];
        int o = 0;
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int x = 0, i = 0; x < w; x++, i += bands) {
                int notBlack = 255 - to8Bits(row[i + 3], bits);
                out[o++] = (byte) cmykChannel(to8Bits(row[i], bits), notBlack);
                out[o++] = (byte) cmykChannel(to8Bits(row[i + 1], bits), notBlack);
                out[o++] = (byte) cmykChannel(to8Bits(row[i + 2], bits), notBlack);
            }
        }
    }

    /** Pillow's {@code CLIP8(nk - MULDIV255(ink, nk))}. */
    static int cmykChannel(int ink, int notBlack) {
        int tmp = ink * notBlack + 128;
        int v = notBlack - (((tmp >> 8) + tmp) >> 8);
        return Math.clamp(v, 0, 255);
    }

    /** A colour sample of {@code bits} bits reduced or stretched to 8 bits the way PIL's unpackers do. */
    static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        if (bits > 8) {
            return sample >>> (bits - 8);
        }
        // 1, 2, 4 bits: 255 / (2^bits - 1) is exact (255, 85, 17), as in PIL's L;2 and L;4.
        return sample * (255 / ((1 << bits) - 1));
    }

    private static void viaJavaColourConversion(BufferedImage image, int w, int h, byte[] out) {
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                out[o++] = (byte) (argb >> 16);
                out[o++] = (byte) (argb >> 8);
                out[o++] = (byte) argb;
            }
        }
    }
}
