package dev.efficientformer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * timm's non-square eval: resize targets {@code floor(side / 0.95)} per side (222 x 235 for a
     * 211 x 224 input), {@code ResizeKeepRatio} to them (one factor, the tighter side meeting its
     * target, sizes rounded half to even), then the center crop.
     */
    @Test
    void nonSquareInputsResizeToFitTheirTargets() {
        PreprocessConfig c = PreprocessConfig.fromCropPct(211, 224, 0.95, Interpolation.BICUBIC, ChannelValues.IMAGENET_MEAN,
                ChannelValues.IMAGENET_STD);
        assertEquals(222, c.resizeShortSide(), "floor(211 / 0.95)");
        assertEquals(235, c.resizeWidth(), "floor(224 / 0.95)");
        assertEquals(211, c.cropSize());
        assertEquals(224, c.cropWidth());
        assertEquals(3 * 211 * 224, c.outputElementCount());
        assertFalse(c.shorterSideResize());
        // 451x300 landscape: ratio = min(300/222, 451/235) = 300/222; 451 / 1.35135... = 333.74 -> 334.
        assertEquals(new ResizeCropGeometry(334, 222, 55, 6), ResizeCropGeometry.of(451, 300, c), "round((222-211)/2) = round(5.5) = 6");
        // 300x451 portrait: ratio = 300/235; 451 / 1.2766 = 353.28 -> 353, 300 / 1.2766 = 235.
        assertEquals(new ResizeCropGeometry(235, 353, 6, 71), ResizeCropGeometry.of(300, 451, c));
        // A square image fits the larger target: ratio = min(512/222, 512/235) = 512/235.
        assertEquals(new ResizeCropGeometry(235, 235, 6, 12), ResizeCropGeometry.of(512, 512, c));
        // A 3x1 strip at target 2x2: ratio = min(1/2, 3/2) = 1/2, so 6x2.
        assertEquals(new ResizeCropGeometry(6, 2, 2, 0), ResizeCropGeometry.keepRatio(3, 1, 2, 2, 2, 2));
        assertEquals(new ResizeCropGeometry(2, 3, 0, 1), ResizeCropGeometry.keepRatio(4, 5, 3, 2, 2, 1),
                "ratio = min(5/3, 4/2) = 5/3: 4 / (5/3) = 2.4 -> 2, 5 / (5/3) = 3");
        assertTrue(PreprocessConfig.fromCropPct(224, 224, 0.95, Interpolation.BICUBIC, ChannelValues.IMAGENET_MEAN,
                ChannelValues.IMAGENET_STD).shorterSideResize(), "a square input keeps the shorter-side resize");
        assertEquals(PreprocessConfig.imagenetDefault(), PreprocessConfig.fromCropPct(224, 224, 0.95, Interpolation.BICUBIC,
                ChannelValues.IMAGENET_MEAN, ChannelValues.IMAGENET_STD));
    }

    @Test
    void invalidConfigurationsAreRejected() {
        ChannelValues m = ChannelValues.IMAGENET_MEAN;
        ChannelValues s = ChannelValues.IMAGENET_STD;
        assertThrows(IllegalArgumentException.class, () -> new PreprocessConfig(200, 224, m, s, Interpolation.BICUBIC));
        assertThrows(IllegalArgumentException.class, () -> new PreprocessConfig(235, 224, m, new ChannelValues(1, 0, 1), Interpolation.BICUBIC));
        assertThrows(IllegalArgumentException.class, () -> PreprocessConfig.fromCropPct(224, 1.5, Interpolation.BICUBIC, m, s));
        assertThrows(IllegalArgumentException.class, () -> new PreprocessConfig(235, 224, m, s, Interpolation.BICUBIC, 220, 224),
                "a width target below the crop width");
        assertThrows(IllegalArgumentException.class, () -> new ChannelValues(Float.NaN, 0, 0));
    }
}
