package dev.efficientformer.weights;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.efficientformer.EfficientFormerException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz test of the safetensors reader, from the bytes of a file to a built model. Every
 * input must end in a result or in an {@link EfficientFormerException}: any other exception, an
 * {@link Error} (OutOfMemoryError, StackOverflowError) or a hang is a finding.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs the seed corpus ({@code SafetensorsFuzzTestInputs/},
 * including past findings) as ordinary tests. {@code .ci/run} fuzzes it for a bounded time:
 * {@code JAZZER_FUZZ=1 mvn -pl library surefire:test -Dtest=SafetensorsFuzzTest}.
 */
class SafetensorsFuzzTest {
    /** Longer than any input may take: Jazzer reports a slower one as a timeout (a hang). */
    static final long INPUT_TIMEOUT_SECONDS = 10;

    private static final Path NAME = Path.of("fuzz.safetensors");

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = INPUT_TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void safetensors(byte[] input) {
        // A native copy, as a mapping would be: the reader sees exactly these bytes.
        Arena arena = Arena.ofShared();
        MemorySegment file = arena.allocate(Math.max(1, input.length)).asSlice(0, input.length);
        MemorySegment.copy(MemorySegment.ofArray(input), 0, file, 0, input.length);
        try (SafetensorsFile f = SafetensorsFile.read(NAME, file, arena)) {
            WeightFuzzing.exercise(f);
        } catch (EfficientFormerException e) {
            WeightFuzzing.expected(e);
        } finally {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        }
    }
}
