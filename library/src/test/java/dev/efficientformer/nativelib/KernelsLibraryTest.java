package dev.efficientformer.nativelib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The x86_64 kernels are in the jar of every x86_64 build (the build compiles them with gcc), load
 * and pass their checks, and are usable exactly when the CPU has AVX-512F.
 */
class KernelsLibraryTest {
    @Test
    void anX86BuildBundlesLoadsAndChecksThem() {
        assumeTrue(Platform.current().classifier().equals("linux-x86_64"), "the kernels are built for linux-x86_64 only");
        assertNotNull(getClass().getClassLoader().getResource(KernelsLibrary.RESOURCE_FOLDER + "/" + KernelsLibrary.SONAME),
                "this build bundled no x86_64 kernels: native/x86/build.sh needs gcc for x86_64");
        KernelsLibrary l = KernelsLibrary.load();
        assertTrue(l.path().endsWith(KernelsLibrary.SONAME), l.toString());
        boolean avx512 = CpuFlags.has("avx512f");
        assertEquals(avx512, KernelsLibrary.isUsable(), KernelsLibrary.whyUnusable().orElse("usable"));
    }

    @Test
    void theBindingsListEveryFunctionOfTheHeader() throws java.io.IOException {
        java.nio.file.Path header = java.nio.file.Path.of("../native/x86/include/efficientformer_kernels.h");
        java.util.List<String> declared = java.util.regex.Pattern.compile("EFK_API \\w+ (efk_\\w+)\\(").matcher(java.nio.file.Files.readString(header))
                .results().map(m -> m.group(1)).sorted().toList();
        assertEquals(8, declared.size(), declared.toString());
        assertEquals(declared, BoundSymbols.functions("META-INF/efficientformer/bindings/efficientformer_kernels.argfile", java.util.List.of()));
    }

    /** The CPU's flags as Linux lists them, independently of the library's own check. */
    private static final class CpuFlags {
        static boolean has(String flag) {
            try {
                return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                        .filter(l -> l.startsWith("flags")).findFirst()
                        .map(l -> java.util.Arrays.asList(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).contains(flag)).orElse(false);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
