package example;

import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Loads a reference case (model.safetensors, input.f32, logits.f32), predicts with the default
 * options and checks the logits within the correctness gate with the same top-5, and that the
 * backend is {@code expectedBackend}. Exits 1 with a message otherwise.
 *
 * <p>Usage: {@code Consumer <case folder> <expected backend>}
 */
public final class Consumer {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String expectedBackend = args[1];
        float[] input = readF32(dir.resolve("input.f32"));
        float[] expected = readF32(dir.resolve("logits.f32"));
        String where = Consumer.class.getModule().isNamed() ? "module path" : "class path";
        try (EfficientFormerModel model = EfficientFormerModel.load(dir.resolve("model.safetensors"), ModelOptions.defaults())) {
            int batch = input.length / model.inputFloatsPerImage();
            float[] logits = model.predict(input, batch);
            System.out.printf("consumer (%s): %s, backend %s%n", where, dir.getFileName(), model.backendDescription());
            if (!model.backendName().equals(expectedBackend)) {
                fail("the backend is " + model.backendDescription() + ", expected " + expectedBackend);
            }
            double maxRef = 0;
            double maxDiff = 0;
            for (int i = 0; i < expected.length; i++) {
                maxRef = Math.max(maxRef, Math.abs(expected[i]));
                double d = Math.abs((double) expected[i] - logits[i]);
                maxDiff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(maxDiff, d);
            }
            double bound = 1e-4 * Math.max(1, maxRef);
            if (logits.length != expected.length || !(maxDiff <= bound)) {
                fail("logits differ from the reference: max|diff| " + maxDiff + " > " + bound);
            }
            int classes = expected.length / batch;
            for (int b = 0; b < batch; b++) {
                int[] want = top5(Arrays.copyOfRange(expected, b * classes, (b + 1) * classes));
                int[] got = top5(Arrays.copyOfRange(logits, b * classes, (b + 1) * classes));
                if (!Arrays.equals(want, got)) {
                    fail("image " + b + ": top-5 " + Arrays.toString(got) + ", expected " + Arrays.toString(want));
                }
            }
            System.out.printf("consumer (%s): logits within %.3g of the reference (bound %.3g), same top-5%n", where, maxDiff, bound);
        }
    }

    private static int[] top5(float[] v) {
        return IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(i -> -v[i])).limit(Math.min(5, v.length))
                .mapToInt(Integer::intValue).toArray();
    }

    private static float[] readF32(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    private static void fail(String message) {
        System.err.println("consumer: " + message);
        System.exit(1);
    }
}
