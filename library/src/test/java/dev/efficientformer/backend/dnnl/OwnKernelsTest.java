package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Op;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import dev.efficientformer.nativelib.KernelsLibrary;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The project's own x86_64 kernels in oneDNN plans. Depthwise 3x3 convolutions (stride 1, with
 * and without the GELU after them): on channel blocks and on NHWC maps (also of channel counts that are not a
 * multiple of 16), on grids whose width is not a multiple of the
 * kernel's seven-output row block, the plan gives the scalar control's numbers; the kernel's step
 * is there exactly where the kernels are usable (bundled, AVX-512) and absent when switched off.
 * Bilinear x2 upsampling (with and without GELU) of NHWC maps likewise; a map upsampled onto
 * channel blocks stays on oneDNN. V1's pool mixer {@code x + s * (pool(x) - x)} likewise, in both
 * layouts and on grids whose width is not a multiple of its eight-output row block. 1x1
 * convolutions on channel blocks (with GELU, with a residual sum, plain; output channels in groups
 * of 32 and with a last group of 16; pixel counts that are not a multiple of the 12-pixel tile)
 * likewise at batch 1, while an NHWC map and a plan for two images stay on oneDNN. The stem's first convolution from the NCHW image
 * (ReLU, GELU or none; NHWC and blocked outputs; odd and non-square images) likewise, except where
 * oneDNN reads the image itself (a one-block, 16-channel stem).
 */
@Isolated("sets the efficientformer.kernels system property")
class OwnKernelsTest {
    private final SplittableRandom random = new SplittableRandom(23);

    @ParameterizedTest(name = "{0} channels beside a {1}-channel map, {2}x{3}, gelu {4}")
    @CsvSource({
            "32, 16, 28, 28, true",   // every map of the grid divides into blocks of 16: nChw16c
            "32, 16, 13, 11, false",
            "48, 24, 28, 28, true",   // a 24-channel map keeps the grid NHWC
            "48, 24, 9, 15, false",
            "40, 24, 14, 14, true",   // NHWC with a last plane of 8 channels
            "5, 3, 7, 9, false",
    })
    void runsOnTheOwnKernelWithTheControlsNumbers(int channels, int stemChannels, int height, int width, boolean gelu) {
        // The input's grid stays NHWC: a stride-2 stem leads into the grid under test.
        Graph.Builder b = Graph.builder(8, height * 2, width * 2);
        Value stem = b.add(new Ops.Conv2d(stemChannels, 8, 3, 2, 1, randoms(stemChannels * 8 * 9), randoms(stemChannels)), b.input());
        Value wide = b.add(new Ops.Conv2d(channels, stemChannels, 1, 1, 0, randoms(channels * stemChannels), randoms(channels)), stem);
        Value mid = b.add(new Ops.DepthwiseConv2d(channels, 3, 1, 1, randoms(channels * 9), randoms(channels)), wide);
        if (gelu) {
            mid = b.add(new Ops.Gelu(), mid);
        }
        Graph g = b.build(b.add(new Ops.Conv2d(stemChannels, channels, 1, 1, 0, randoms(stemChannels * channels), randoms(stemChannels)), mid));
        String what = channels + " channels " + height + "x" + width + (gelu ? " + GELU" : "");
        float[] input = randoms((int) g.input().elementsPerImage() * 2);
        String own = "dwconv3x3" + (gelu ? "+gelu" : "") + DnnlPlanCompiler.OWN_KERNEL;

        List<String> kinds = AgainstTheControl.stepKinds(what, g, 2, input);
        boolean usable = KernelsLibrary.isUsable() && DnnlIsa.hasAvx512();
        assertEquals(usable ? 1 : 0, kinds.stream().filter(own::equals).count(),
                "own kernel " + (usable ? "expected" : "not expected (" + KernelsLibrary.whyUnusable().orElse("AVX2 oneDNN") + ")") + ": " + kinds);

        withKernels("off", () -> {
            List<String> off = AgainstTheControl.stepKinds(what + ", kernels off", g, 2, input);
            assertFalse(off.stream().anyMatch(k -> k.endsWith(DnnlPlanCompiler.OWN_KERNEL)), off.toString());
        });
    }

    @ParameterizedTest(name = "upsampling {0} channels {1}x{2}, gelu {3}")
    @CsvSource({
            "24, 7, 7, true",     // NHWC on both grids (24 does not divide into blocks of 16)
            "40, 3, 5, false",
            "32, 7, 7, true",     // the 14x14 grid runs on channel blocks: oneDNN's resampling
    })
    void upsamplesOnTheOwnKernelWithTheControlsNumbers(int channels, int height, int width, boolean gelu) {
        Graph.Builder b = Graph.builder(channels, height, width);
        Value up = b.add(new Ops.Upsample2x(), b.input());
        if (gelu) {
            up = b.add(new Ops.Gelu(), up);
        }
        Graph g = b.build(b.add(new Ops.Conv2d(channels, channels, 1, 1, 0, randoms(channels * channels), randoms(channels)), up));
        List<String> kinds = AgainstTheControl.stepKinds("upsampling " + channels + " channels", g, 2, randoms((int) g.input().elementsPerImage() * 2));
        boolean expected = KernelsLibrary.isUsable() && DnnlIsa.hasAvx512() && channels % 16 != 0;
        String own = "upsample2x" + (gelu ? "+gelu" : "") + DnnlPlanCompiler.OWN_KERNEL;
        assertEquals(expected ? 1 : 0, kinds.stream().filter(own::equals).count(), kinds.toString());
    }

    @ParameterizedTest(name = "pool mixer on {0} channels beside a {1}-channel map, {2}x{3}")
    @CsvSource({
            "32, 16, 28, 28",   // channel blocks
            "48, 16, 7, 9",
            "48, 24, 14, 14",   // a 24-channel map keeps the grid NHWC
            "40, 24, 5, 17",    // NHWC with a last plane of 8 channels
            "3, 5, 1, 1",
    })
    void mixesOnTheOwnKernelWithTheControlsNumbers(int channels, int stemChannels, int height, int width) {
        Graph.Builder b = Graph.builder(8, height * 2, width * 2);
        Value stem = b.add(new Ops.Conv2d(stemChannels, 8, 3, 2, 1, randoms(stemChannels * 8 * 9), randoms(stemChannels)), b.input());
        Value x = b.add(new Ops.Conv2d(channels, stemChannels, 1, 1, 0, randoms(channels * stemChannels), randoms(channels)), stem);
        Value scaled = b.add(new Ops.ChannelScale(randoms(channels)), b.add(new Ops.Sub(), b.add(new Ops.AvgPool(3, 1, 1), x), x));
        Value mixed = b.add(new Ops.Add(), x, scaled);
        Graph g = b.build(b.add(new Ops.Conv2d(stemChannels, channels, 1, 1, 0, randoms(stemChannels * channels), randoms(stemChannels)), mixed));
        String what = "pool mixer " + channels + " channels " + height + "x" + width;
        float[] input = randoms((int) g.input().elementsPerImage() * 2);
        String own = "pool_mixer" + DnnlPlanCompiler.OWN_KERNEL;

        List<String> kinds = AgainstTheControl.stepKinds(what, g, 2, input);
        boolean usable = KernelsLibrary.isUsable() && DnnlIsa.hasAvx512();
        assertEquals(usable ? 1 : 0, kinds.stream().filter(own::equals).count(), kinds.toString());

        withKernels("off", () -> {
            List<String> off = AgainstTheControl.stepKinds(what + ", kernels off", g, 2, input);
            assertEquals(1, off.stream().filter("pool_mixer"::equals).count(), off.toString());
        });
    }

    @ParameterizedTest(name = "1x1 {0} -> {1} channels on {2}x{3}")
    @CsvSource({
            "32, 64, 7, 7",
            "48, 80, 14, 13",   // a last group of 16 output channels
            "32, 48, 3, 4",
            "24, 48, 5, 5",     // 24 channels keep the grid NHWC
            "40, 120, 7, 7",    // NHWC, 8 input channels past the last block, 8 output lanes in the last vector
            "20, 36, 6, 5",     // NHWC, fewer than 16 channels past the blocks in and out
    })
    void convolvesOnTheOwnKernelWithTheControlsNumbers(int channels, int hidden, int height, int width) {
        // x -> 1x1 + GELU -> 1x1, added to x (an MLP block), then a plain 1x1.
        Graph.Builder b = Graph.builder(8, height * 2, width * 2);
        Value x = b.add(new Ops.Conv2d(channels, 8, 3, 2, 1, randoms(channels * 8 * 9), randoms(channels)), b.input());
        Value wide = b.add(new Ops.Gelu(), b.add(new Ops.Conv2d(hidden, channels, 1, 1, 0, randoms(hidden * channels), randoms(hidden)), x));
        Value back = b.add(new Ops.Conv2d(channels, hidden, 1, 1, 0, randoms(channels * hidden), randoms(channels)), wide);
        Value sum = b.add(new Ops.Add(), x, back);
        Graph g = b.build(b.add(new Ops.Conv2d(hidden, channels, 1, 1, 0, randoms(hidden * channels), randoms(hidden)), sum));
        String what = "1x1 " + channels + " -> " + hidden + " on " + height + "x" + width;
        float[] input = randoms((int) g.input().elementsPerImage() * 2);

        List<String> kinds = AgainstTheControl.stepKinds(what, g, 1, Arrays.copyOf(input, input.length / 2));
        boolean expected = KernelsLibrary.isUsable() && DnnlIsa.hasAvx512();
        for (String own : List.of("conv1x1+gelu", "conv1x1+sum", "conv1x1")) {
            assertEquals(expected ? 1 : 0, kinds.stream().filter((own + DnnlPlanCompiler.OWN_KERNEL)::equals).count(), own + ": " + kinds);
        }
        // A plan for several images keeps oneDNN's 1x1 convolutions (they read the weights once for all).
        List<String> batched = AgainstTheControl.stepKinds(what + ", batch 2", g, 2, input);
        assertFalse(batched.stream().anyMatch(k -> k.startsWith("conv1x1") && k.endsWith(DnnlPlanCompiler.OWN_KERNEL)), batched.toString());
        withKernels("off", () -> {
            List<String> off = AgainstTheControl.stepKinds(what + ", kernels off", g, 1, Arrays.copyOf(input, input.length / 2));
            assertFalse(off.stream().anyMatch(k -> k.endsWith(DnnlPlanCompiler.OWN_KERNEL)), off.toString());
        });
    }

    @ParameterizedTest(name = "stem 3 -> {0} channels on {1}x{2}, {3}")
    @CsvSource({
            "24, 224, 211, relu",
            "20, 33, 35, gelu",
            "32, 18, 17, none",   // a blocked output
            "16, 20, 20, gelu",   // one block: oneDNN reads the image itself
    })
    void stemRunsOnTheOwnKernelWithTheControlsNumbers(int channels, int height, int width, String activation) {
        Graph.Builder b = Graph.builder(3, height, width);
        Value stem = b.add(new Ops.Conv2d(channels, 3, 3, 2, 1, randoms(channels * 27), randoms(channels)), b.input());
        String suffix = "";
        if (!activation.equals("none")) {
            Op act = activation.equals("relu") ? new Ops.Relu() : new Ops.Gelu();
            stem = b.add(act, stem);
            suffix = "+" + act.kind();
        }
        Graph g = b.build(b.add(new Ops.Conv2d(channels, channels, 3, 2, 1, randoms(channels * channels * 9), randoms(channels)), stem));
        List<String> kinds = AgainstTheControl.stepKinds("stem " + channels, g, 2, randoms((int) g.input().elementsPerImage() * 2));
        boolean expected = KernelsLibrary.isUsable() && DnnlIsa.hasAvx512() && channels != 16;
        assertEquals(expected ? 1 : 0, kinds.stream().filter(("conv3x3" + suffix + DnnlPlanCompiler.OWN_KERNEL)::equals).count(), kinds.toString());
        if (expected) {
            assertFalse(kinds.contains("input reorder"), kinds.toString());
        }
    }

    @Test
    void strideTwoAndReluStayOnOneDnn() {
        Graph.Builder b = Graph.builder(8, 56, 56);
        Value stem = b.add(new Ops.Conv2d(16, 8, 3, 2, 1, randoms(16 * 8 * 9), randoms(16)), b.input());
        Value wide = b.add(new Ops.Conv2d(32, 16, 1, 1, 0, randoms(32 * 16), randoms(32)), stem);
        Value strided = b.add(new Ops.DepthwiseConv2d(32, 3, 2, 1, randoms(32 * 9), randoms(32)), wide);
        Op relu = new Ops.Relu();
        Value relued = b.add(relu, b.add(new Ops.DepthwiseConv2d(32, 3, 1, 1, randoms(32 * 9), randoms(32)), strided));
        Graph g = b.build(b.add(new Ops.Conv2d(16, 32, 1, 1, 0, randoms(16 * 32), randoms(16)), relued));
        List<String> kinds = AgainstTheControl.stepKinds("stride 2 and ReLU", g, 1, randoms((int) g.input().elementsPerImage()));
        assertFalse(kinds.stream().anyMatch(k -> k.startsWith("dwconv") && k.endsWith(DnnlPlanCompiler.OWN_KERNEL)), kinds.toString());
        assertTrue(kinds.contains("conv3x3"), kinds.toString());
    }

    @Test
    void theBackendDescriptionSaysWhetherTheyRun() {
        DnnlBackend dnnl = new DnnlBackend();
        org.junit.jupiter.api.Assumptions.assumeTrue(dnnl.isAvailable(), dnnl::unavailableReason);
        boolean usable = KernelsLibrary.isUsable() && DnnlIsa.hasAvx512();
        assertEquals(usable, dnnl.describe().contains("own x86_64 kernels"), dnnl.describe());
        withKernels("off", () -> {
            assertFalse(dnnl.describe().contains("own x86_64 kernels"), dnnl.describe());
        });
    }

    @Test
    void aWrongPropertyValueIsRefusedNamingIt() {
        withKernels("fast", () -> {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, KernelsLibrary::whyUnusable);
            assertTrue(e.getMessage().contains(KernelsLibrary.PROPERTY) && e.getMessage().contains("fast"), e.getMessage());
        });
    }

    /** Runs {@code body} with the {@link KernelsLibrary#PROPERTY} set to {@code value}, then restores it. */
    private static void withKernels(String value, Runnable body) {
        String before = System.getProperty(KernelsLibrary.PROPERTY);
        System.setProperty(KernelsLibrary.PROPERTY, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(KernelsLibrary.PROPERTY);
            } else {
                System.setProperty(KernelsLibrary.PROPERTY, before);
            }
        }
    }

    private float[] randoms(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextGaussian() * 0.3);
        }
        return a;
    }
}
