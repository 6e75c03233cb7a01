package dev.efficientformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.nativelib.DnnlLibrary;
import dev.efficientformer.testing.ChildJvm;
import dev.efficientformer.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI in a fresh JVM where oneDNN cannot load: {@code --backend java} still works, and
 * {@code --backend dnnl} fails with one line naming the cause and the fix.
 */
class CliNativeLoadingFailureTest {
    @TempDir
    Path tmp;

    @Test
    void theCliStillRunsTheJavaBackendAndRefusesDnnlInOneLine() throws Exception {
        List<String> opts = List.of("-D" + DnnlLibrary.PATH_PROPERTY + "=" + tmp.resolve("missing.so"));
        String weights = Fixtures.tiny("tiny_v1").resolve("model.safetensors").toString();
        String image = Fixtures.resource("preprocess/images/chelsea.png").toString();
        ChildJvm.Output ok = ChildJvm.runSeparately(ChildJvm.classPath(), opts, 120, EfficientFormerCli.class,
                "classify", "--weights", weights, "--backend", "java", "--top", "2", image);
        assertEquals(0, ok.exitCode(), ok.toString());
        assertEquals(2, ok.stdout().lines().count(), ok.toString());

        ChildJvm.Output refused = ChildJvm.runSeparately(ChildJvm.classPath(), opts, 120, EfficientFormerCli.class,
                "classify", "--weights", weights, "--backend", "dnnl", image);
        assertEquals(1, refused.exitCode(), refused.toString());
        List<String> lines = refused.stderr().lines().toList();
        assertEquals(1, lines.size(), refused.toString());
        assertTrue(lines.get(0).startsWith("efficientformer: backend dnnl is not available: "), refused.toString());
        assertTrue(lines.get(0).contains("missing.so: no such file") && lines.get(0).contains("unset it to use the bundled one"),
                refused.toString());
    }
}
