package dev.efficientformer.weights;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.weights.torch.RebuiltTensor;
import dev.efficientformer.weights.torch.RestrictedUnpickler;
import dev.efficientformer.weights.torch.StateDictLocator;
import dev.efficientformer.weights.torch.TensorPlacement;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz tests of the PyTorch {@code .pth} reader: the whole file (zip directory, pickle,
 * tensor placement, model building) and, on its own so that the fuzzer reaches deeper into it,
 * the restricted unpickler. Every input must end in a result or in an
 * {@link EfficientFormerException}; anything else is a finding.
 *
 * <p>Seeds: {@code TorchCheckpointFuzzTestInputs/<method>/}. {@code .ci/run} fuzzes each method
 * for a bounded time in a JVM of its own.
 */
class TorchCheckpointFuzzTest {
    /** Longer than any input may take: Jazzer reports a slower one as a timeout (a hang). */
    static final long INPUT_TIMEOUT_SECONDS = 10;

    private static final Path NAME = Path.of("fuzz.pth");

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = INPUT_TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void checkpoint(byte[] input) {
        Arena arena = Arena.ofShared();
        MemorySegment file = arena.allocate(Math.max(1, input.length)).asSlice(0, input.length);
        MemorySegment.copy(MemorySegment.ofArray(input), 0, file, 0, input.length);
        try (TorchCheckpoint f = TorchCheckpoint.read(NAME, file, arena)) {
            WeightFuzzing.exercise(f);
        } catch (EfficientFormerException e) {
            WeightFuzzing.expected(e);
        } finally {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = INPUT_TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void pickle(byte[] input) {
        try {
            Object root = RestrictedUnpickler.unpickle(input, "fuzz.pth (data.pkl)");
            Map<String, RebuiltTensor> stateDict = StateDictLocator.locate(root, "fuzz.pth");
            for (Map.Entry<String, RebuiltTensor> e : stateDict.entrySet()) {
                // Placement against a storage entry as large as the pickle claims (8 bytes per element
                // is enough for every dtype), so that the checks past the storage size run too.
                long claimed = Math.min(e.getValue().storage().elementCount(), Long.MAX_VALUE / 8);
                TensorPlacement.check(e.getKey(), e.getValue(), claimed * 8, "fuzz.pth");
            }
        } catch (EfficientFormerException e) {
            WeightFuzzing.expected(e);
        }
    }
}
