package dev.efficientformer.benchmarks;

import dev.efficientformer.weights.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Opening a checkpoint maps it: the cost is the header parse and validation, not a read of the
 * tensor bytes. Compared side by side with reading the whole file onto the heap, which is what a
 * copying reader would at least have to do.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SafetensorsOpen -p file=<path>};
 * the default is the full-size L1 in {@code ../shared/fixtures}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SafetensorsOpenBenchmark {

    /** The checkpoint to open. */
    @Param("../shared/fixtures/efficientformer_l1/model.safetensors")
    public String file;

    private Path path;

    @Setup
    public void locate() {
        path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " not found: pass -p file=<a .safetensors file>");
        }
    }

    /** Map, validate the header, and make a view of every tensor. */
    @Benchmark
    public void openMapped(Blackhole bh) {
        try (SafetensorsFile f = SafetensorsFile.open(path)) {
            for (String name : f.names()) {
                bh.consume(f.tensor(name));
            }
        }
    }

    /** The floor for any reader that copies: read every byte onto the heap. */
    @Benchmark
    public byte[] readAllBytes() throws IOException {
        return Files.readAllBytes(path);
    }
}
