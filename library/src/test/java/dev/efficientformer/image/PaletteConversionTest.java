package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;

/** Palette images convert as PIL converts them, also where a pixel's index is past the palette's end. */
class PaletteConversionTest {
    @Test
    void anIndexPastThePaletteIsGreyAsInPil() {
        byte[] r = {10, 20, 30, 40};
        byte[] g = {11, 21, 31, 41};
        byte[] b = {12, 22, 32, 42};
        IndexColorModel four = new IndexColorModel(8, 4, r, g, b);
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, four);
        WritableRaster raster = img.getRaster();
        raster.setSample(0, 0, 0, 1);
        raster.setSample(1, 0, 0, 200);
        raster.setSample(2, 0, 0, 255);
        RgbImage rgb = RgbImage.from(img);
        assertEquals(20 << 16 | 21 << 8 | 22, rgb.rgb(0, 0));
        assertEquals(200 << 16 | 200 << 8 | 200, rgb.rgb(1, 0), "PIL's palette is the grey ramp past the file's entries");
        assertEquals(0xFFFFFF, rgb.rgb(2, 0));
    }
}
