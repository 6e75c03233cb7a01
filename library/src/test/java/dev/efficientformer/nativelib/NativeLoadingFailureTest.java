package dev.efficientformer.nativelib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.ChildJvm;
import dev.efficientformer.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * oneDNN that cannot load, in fresh JVMs (loading happens once per JVM): a missing library, a
 * library of the wrong architecture, and a cache directory that cannot be written. Each gives a
 * {@link NativeLibraryException} that names the cause and the fix, and in the same JVM the
 * pure-Java backend still gives the reference logits and {@code auto} falls back to it (the CLI's
 * side: CliNativeLoadingFailureTest).
 *
 * <p>Tests run as root in CI, so permission bits cannot make a folder unwritable: the unwritable
 * cache is a path below a regular file (ENOTDIR for everyone) or inside {@code /proc}, where not
 * even root can create a folder.
 */
class NativeLoadingFailureTest {
    @TempDir
    Path tmp;

    private static ChildJvm.Output probe(List<String> options) throws Exception {
        return ChildJvm.runSeparately(ChildJvm.classPath(), options, 120, BackendFallbackProbe.class);
    }

    /** The fallback half of every scenario: the Java backend works, auto picks it, dnnl says why not. */
    private static void assertJavaBackendStillWorks(ChildJvm.Output r, String dnnlReason) {
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("DNNL FAILED "), r.toString());
        assertTrue(r.stdout().contains("JAVA BACKEND OK"), r.toString());
        assertTrue(r.stdout().contains("AUTO CHOSE java"), r.toString());
        assertTrue(r.stdout().contains("DNNL BACKEND REFUSED backend dnnl is not available: "), r.toString());
        assertTrue(r.stdout().lines().filter(l -> l.startsWith("DNNL BACKEND REFUSED")).allMatch(l -> l.contains(dnnlReason)),
                r.toString());
        // auto logs its fallback once, as a warning naming the reason and the fix.
        assertTrue(r.stderr().contains("so the pure-Java backend runs") && r.stderr().contains("oneDNN (dnnl) is not available: ")
                && r.stderr().contains("To fix: "), r.toString());
    }

    @Test
    void aMissingLibraryNamesThePropertyAndTheJavaBackendStillWorks() throws Exception {
        Path missing = tmp.resolve("nowhere/libdnnl.so.3");
        ChildJvm.Output r = probe(List.of("-D" + DnnlLibrary.PATH_PROPERTY + "=" + missing));
        assertTrue(r.stdout().contains("system property efficientformer.dnnl.library = " + missing + ": no such file"), r.toString());
        assertTrue(r.stdout().contains("(unset it to use the bundled one)"), r.toString());
        assertJavaBackendStillWorks(r, "no such file");
    }

    @Test
    void aLibraryOfTheWrongArchitectureIsNamedAsSuch() throws Exception {
        Path lib = arm64Library();
        ChildJvm.Output r = probe(List.of("-D" + DnnlLibrary.PATH_PROPERTY + "=" + lib));
        assertTrue(r.stdout().contains(lib + ": Cannot open library"), r.toString());
        assertTrue(r.stdout().contains("it is built for arm64, but this JVM runs on linux-x86_64: use the"
                + " org.bytedeco:dnnl:3.13-1.5.14:linux-x86_64 build"), r.toString());
        assertJavaBackendStillWorks(r, "it is built for arm64");
    }

    @Test
    void aCacheBelowARegularFileCannotBeCreatedEvenByRoot() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        List<String> opts = List.of("-D" + NativeLibraryCache.DIR_PROPERTY + "=" + file.resolve("cache"),
                "-Djava.io.tmpdir=" + file.resolve("tmp"), "-D" + DnnlLibrary.PATH_PROPERTY + "=bundled");
        ChildJvm.Output r = probe(opts);
        assertTrue(r.stdout().contains("cannot extract into cache " + file.resolve("cache")), r.toString());
        assertTrue(r.stdout().contains("Not a directory"), r.toString());
        assertTrue(r.stdout().contains("(set efficientformer.cache.dir to a writable folder)"), r.toString());
        assertJavaBackendStillWorks(r, "set efficientformer.cache.dir to a writable folder");
    }

    @Test
    void aCacheInAReadOnlyFileSystemIsReported() throws Exception {
        // procfs refuses mkdir to everyone, root included.
        Path readOnly = Path.of("/proc/self/efficientformer-cache");
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        List<String> opts = List.of("-D" + NativeLibraryCache.DIR_PROPERTY + "=" + readOnly,
                "-Djava.io.tmpdir=" + file.resolve("tmp"), "-D" + DnnlLibrary.PATH_PROPERTY + "=bundled");
        ChildJvm.Output r = probe(opts);
        assertTrue(r.stdout().contains("cannot extract into cache " + readOnly), r.toString());
        assertJavaBackendStillWorks(r, "set efficientformer.cache.dir to a writable folder");
    }

    /**
     * The real arm64 libdnnl.so.3, from the linux-arm64 jar on the class path (a dependency of the
     * library); without one, an ELF header for aarch64 written here (the loader reads no further
     * before refusing it).
     */
    private Path arm64Library() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/bytedeco/dnnl/linux-arm64/libdnnl.so.3")) {
            if (in != null) {
                Path out = tmp.resolve("arm64/libdnnl.so.3");
                Files.createDirectories(out.getParent());
                Files.copy(in, out);
                System.out.println("wrong-architecture library: the real arm64 libdnnl.so.3 from the class path");
                return out;
            }
        }
        ByteBuffer elf = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).position(16);
        elf.putShort((short) 3).putShort((short) 183).putInt(1); // ET_DYN, EM_AARCH64, EV_CURRENT
        System.out.println("wrong-architecture library: no linux-arm64 jar found, using a synthesized aarch64 ELF header");
        return Files.write(tmp.resolve("libdnnl.so.3"), elf.array());
    }
}
