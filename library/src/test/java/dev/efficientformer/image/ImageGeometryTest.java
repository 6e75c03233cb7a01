package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** torchvision's Resize/CenterCrop arithmetic and the timm-derived configuration. */
class ImageGeometryTest {

    @Test
    void cropOffsetRoundsHalfToEvenLikePython() {
        assertEquals(64, ResizeCropGeometry.centerCropOffset(353, 224), "round(64.5) == 64");
        assertEquals(6, ResizeCropGeometry.centerCropOffset(235, 224), "round(5.5) == 6");
        assertEquals(6, ResizeCropGeometry.centerCropOffset(237, 224), "round(6.5) == 6");
        assertEquals(8, ResizeCropGeometry.centerCropOffset(239, 224), "round(7.5) == 8");
        assertEquals(64, ResizeCropGeometry.centerCropOffset(352, 224));
        assertEquals(0, ResizeCropGeometry.centerCropOffset(224, 224));
    }

    @Test
    void longSideIsTruncatedNotRounded() {
        assertEquals(352, ResizeCropGeometry.longSide(235, 600, 400), "int(352.5)");
        assertEquals(353, ResizeCropGeometry.longSide(235, 451, 300), "int(353.28...)");
        assertEquals(235, ResizeCropGeometry.longSide(235, 512, 512));
    }

    @Test
    void geometryOfTheFixturePhotos() {
        assertEquals(new ResizeCropGeometry(353, 235, 64, 6), ResizeCropGeometry.of(451, 300, 235, 224));
        assertEquals(new ResizeCropGeometry(352, 235, 64, 6), ResizeCropGeometry.of(600, 400, 235, 224));
        assertEquals(new ResizeCropGeometry(235, 235, 6, 6), ResizeCropGeometry.of(512, 512, 235, 224));
        assertEquals(new ResizeCropGeometry(235, 353, 6, 64), ResizeCropGeometry.of(300, 451, 235, 224), "portrait");
    }

    @Test
    void imagenetDefaultIsTimmsEfficientFormerTransform() {
        PreprocessConfig c = PreprocessConfig.imagenetDefault();
        assertEquals(235, c.resizeShortSide(), "floor(224 / 0.95)");
        assertEquals(224, c.cropSize());
        assertEquals(Interpolation.BICUBIC, c.interpolation());
        assertEquals(new ChannelValues(0.485f, 0.456f, 0.406f), c.mean());
        assertEquals(new ChannelValues(0.229f, 0.224f, 0.225f), c.std());
        assertEquals(3 * 224 * 224, c.outputElementCount());
        assertEquals(256, PreprocessConfig.fromCropPct(224, 0.875, Interpolation.BILINEAR,
                ChannelValues.IMAGENET_MEAN, ChannelValues.IMAGENET_STD).resizeShortSide());
    }

    @Test
    void invalidConfigurationsAreRejected() {
        ChannelValues m = ChannelValues.IMAGENET_MEAN;
        ChannelValues s = ChannelValues.IMAGENET_STD;
        assertThrows(IllegalArgumentException.class, () -> new PreprocessConfig(200, 224, m, s, Interpolation.BICUBIC));
        assertThrows(IllegalArgumentException.class, () -> new PreprocessConfig(235, 224, m, new ChannelValues(1, 0, 1), Interpolation.BICUBIC));
        assertThrows(IllegalArgumentException.class, () -> PreprocessConfig.fromCropPct(224, 1.5, Interpolation.BICUBIC, m, s));
        assertThrows(IllegalArgumentException.class, () -> new ChannelValues(Float.NaN, 0, 0));
    }
}
