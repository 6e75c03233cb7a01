package dev.efficientformer.backend.java;

import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;

/**
 * Steps of a {@link VectorPlan} whose shares are whole images: EfficientFormerV2's attention on
 * feature maps ({@link VectorAttention2d}) and bilinear upsampling ({@link Upsample2x}).
 *
 * <p>Thread-safety: each share writes its own images and uses its own scratch.
 */
final class ImageSteps {
    private ImageSteps() {
    }

    /** Splits {@code images} over the shares and runs {@code kernel} on each of a share's images. */
    private abstract static class PerImage implements VectorStep {
        private final int images;

        PerImage(int images) {
            this.images = images;
        }

        abstract void image(int b, int part);

        @Override
        public final void run(int part, int parts) {
            int end = VectorStep.from(images, part + 1, parts);
            for (int b = VectorStep.from(images, part, parts); b < end; b++) {
                image(b, part);
            }
        }
    }

    /** Needs {@link VectorAttention2d#scratchSize} floats of scratch per share. */
    static VectorStep attention(float[] q, float[] k, float[] v, float[] y, int images, Value qv, Value kv, Value vv, Value out,
                                Ops.Attention2d a, float[][] scratch) {
        int qSize = (int) qv.elementsPerImage();
        int kSize = (int) kv.elementsPerImage();
        int vSize = (int) vv.elementsPerImage();
        int outSize = (int) out.elementsPerImage();
        return new PerImage(images) {
            @Override
            void image(int b, int part) {
                VectorAttention2d.image(q, b * qSize, k, b * kSize, v, b * vSize, a, y, b * outSize, scratch[part]);
            }

            @Override
            public String kind() {
                return a.kind();
            }
        };
    }

    /** Needs {@link Upsample2x#scratchSize} floats of scratch per share. */
    static VectorStep upsample(float[] x, float[] y, int images, Value in, float[][] scratch) {
        int inSize = (int) in.elementsPerImage();
        return new PerImage(images) {
            @Override
            void image(int b, int part) {
                Upsample2x.image(x, b * inSize, in.dim(0), in.dim(1), in.dim(2), y, b * inSize * 4, scratch[part]);
            }

            @Override
            public String kind() {
                return "upsample2x";
            }
        };
    }
}
