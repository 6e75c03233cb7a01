package dev.efficientformer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.backend.acl.AclBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.nativelib.AclLibrary;
import dev.efficientformer.nativelib.DnnlLibrary;
import dev.efficientformer.nativelib.Platform;
import dev.efficientformer.testing.ChildJvm;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The {@code auto} ladder per platform, explicit requests, and the once-per-step-down warnings. */
@Tag("aarch64-emulated")
class BackendSelectorTest {
    private static final boolean ON_ARM64 = Platform.current().equals(AclLibrary.PLATFORM);

    @Test
    void theAutoLadderDependsOnThePlatform() {
        assertEquals(List.of("acl", "dnnl", "java"), BackendSelector.autoLadder(Platform.of("Linux", "aarch64")));
        assertEquals(List.of("dnnl", "java"), BackendSelector.autoLadder(Platform.of("Linux", "amd64")));
        assertEquals(List.of("dnnl", "java"), BackendSelector.autoLadder(Platform.of("Mac OS X", "aarch64")));
    }

    @Test
    void explicitAclOffArm64FailsWithTheReason() {
        assumeFalse(ON_ARM64, "this JVM runs on linux-arm64");
        EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> BackendSelector.select("acl"));
        assertTrue(e.getMessage().startsWith("backend acl (Arm Compute Library) is not available: "), e.getMessage());
        assertTrue(e.getMessage().contains("runs on linux-arm64 only"), e.getMessage());
        assertTrue(e.getMessage().contains("this JVM runs on " + Platform.current()), e.getMessage());
    }

    @Test
    void onArm64AutoAndExplicitAclPickTheArmComputeLibrary() {
        assumeTrue(ON_ARM64, "acl runs on linux-arm64 only");
        assertInstanceOf(AclBackend.class, BackendSelector.select("acl"));
        assertInstanceOf(AclBackend.class, BackendSelector.select("auto"));
    }

    /**
     * Falling back to pure Java is said once, in one warning that names why each native backend
     * could not run and how to get oneDNN back; nothing else is logged about it.
     */
    @Test
    void theFallbackToJavaIsOneWarningWithTheReasonsAndTheFix() throws Exception {
        List<String> opts = List.of("-D" + AclLibrary.PATH_PROPERTY + "=/nonexistent/libefficientformer_acl.so",
                "-D" + DnnlLibrary.PATH_PROPERTY + "=/nonexistent/libdnnl.so.3");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.classPath(), opts, BackendSelectorProbe.class, "auto");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("SELECTED java\n") || r.output().contains("SELECTED java\r\n"), r.output());
        assertEquals(1, count(r.output(), "WARNING: "), r.output());
        assertEquals(1, count(r.output(), "no native backend can run, so the pure-Java backend runs ("), r.output());
        assertEquals(1, count(r.output(), "oneDNN (dnnl) is not available: "), r.output());
        assertTrue(r.output().contains("/nonexistent/libdnnl.so.3: no such file"), r.output());
        assertTrue(r.output().contains("To fix: put oneDNN's jar on the class path (the dependency dev.efficientformer:efficientformer brings"
                + " org.bytedeco:dnnl:3.13-1.5.14 with classifier " + Platform.current().classifier()), r.output());
        if (ON_ARM64) {
            assertEquals(1, count(r.output(), "the Arm Compute Library backend (acl) is not available: "), r.output());
            assertTrue(r.output().contains("/nonexistent/libefficientformer_acl.so: no such file"), r.output());
        } else {
            assertEquals(0, count(r.output(), "Arm Compute Library backend (acl) is not available"), r.output());
        }
    }

    /** When native backends load but lack a kernel for the model, the warning names the ops, not a missing library. */
    @Test
    void aBackendWithoutKernelsIsNamedInTheWarning() {
        List<String> reasons = List.of("the acl backend has no kernel for upsample2x", "the dnnl backend has no kernel for upsample2x");
        String scalar = BackendSelector.missingKernelsWarning(JavaBackend.Tier.SCALAR, reasons);
        assertTrue(scalar.startsWith("the pure-Java backend runs this model (scalar tier) because the acl backend has no kernel for "
                + "upsample2x; the dnnl backend has no kernel for upsample2x"), scalar);
        assertTrue(scalar.contains("--add-modules jdk.incubator.vector"), scalar);
        String vector = BackendSelector.missingKernelsWarning(JavaBackend.Tier.VECTOR, reasons);
        assertFalse(vector.contains("--add-modules"), vector);
        assertFalse(vector.contains("To fix: put oneDNN's jar"), vector);
    }

    @Test
    void theWarningAsksForTheVectorModuleOnlyOnTheScalarTier() {
        List<String> reasons = List.of("oneDNN (dnnl) is not available: gone");
        String scalar = BackendSelector.slowFallbackWarning(Platform.current(), JavaBackend.Tier.SCALAR, reasons);
        String vector = BackendSelector.slowFallbackWarning(Platform.current(), JavaBackend.Tier.VECTOR, reasons);
        assertTrue(scalar.contains("scalar tier, over 100x slower") && scalar.contains("--add-modules jdk.incubator.vector"), scalar);
        assertTrue(vector.contains("vector tier") && !vector.contains("--add-modules"), vector);
        String elsewhere = BackendSelector.slowFallbackWarning(new Platform("mac", "arm64"), JavaBackend.Tier.VECTOR, reasons);
        assertTrue(elsewhere.contains("bundled for linux-x86_64 and linux-arm64 only"), elsewhere);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
