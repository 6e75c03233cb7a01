package dev.efficientformer;

import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ProcessStats;
import dev.efficientformer.testing.ReferenceCase;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * Child-JVM entry points of {@link ResourceStabilityTest}; each prints {@link ProcessStats} lines
 * at checkpoints.
 *
 * <ul>
 *   <li>{@code predict BACKEND N}: one model, N predictions (alternately from arrays and into
 *       caller memory), stats after every N/10;</li>
 *   <li>{@code load BACKEND N K}: N times load the tiny model (safetensors and .pth alternately)
 *       and close it, predicting once every K loads (plans compiled and freed too); stats after
 *       every N/10, and how many descriptors still point to the checkpoints.</li>
 * </ul>
 */
public final class ResourceProbes {
    private ResourceProbes() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        String backend = args[1];
        int n = Integer.parseInt(args[2]);
        Path tiny = Fixtures.tiny("tiny_v1");
        ReferenceCase c = new ReferenceCase(tiny);
        float[] input = c.input();
        ModelOptions options = ModelOptions.defaults().withBackend(backend);
        System.out.println(ProcessStats.now().line("start"));
        if (mode.equals("predict")) {
            try (EfficientFormerModel m = EfficientFormerModel.load(tiny.resolve("model.safetensors"), options);
                 Arena arena = Arena.ofConfined()) {
                MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, input);
                MemorySegment out = arena.allocate(40);
                for (int i = 1; i <= n; i++) {
                    if (i % 2 == 0) {
                        m.predict(in, 1, out);
                    } else if (m.predict(input).length != 10) {
                        throw new AssertionError("wrong number of logits");
                    }
                    if (i % (n / 10) == 0) {
                        System.gc();
                        System.out.println(ProcessStats.now().line(Integer.toString(i)));
                    }
                }
                ReferenceCase.assertLogitsMatch("after " + n, c.logits(), m.predict(input), 1);
            }
        } else {
            int predictEvery = Integer.parseInt(args[3]);
            for (int i = 1; i <= n; i++) {
                String file = i % 2 == 0 ? "model.safetensors" : "model_orig.pth";
                try (EfficientFormerModel m = EfficientFormerModel.load(tiny.resolve(file), options)) {
                    if (i % predictEvery == 0 && m.predict(input).length != 10) {
                        throw new AssertionError("wrong number of logits");
                    }
                }
                if (i % (n / 10) == 0) {
                    System.gc();
                    System.out.println(ProcessStats.now().line(Integer.toString(i)));
                }
            }
        }
        System.out.println("CHECKPOINT FILES OPEN " + ProcessStats.openFilesMatching("tiny_v1"));
        System.out.println("DONE");
    }
}
