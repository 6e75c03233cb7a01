package dev.efficientformer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.nativelib.DnnlLibrary;
import dev.efficientformer.nativelib.NativeLibraryCache;
import dev.efficientformer.testing.ChildJvm;
import dev.efficientformer.testing.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the user's processes and threads are at RLIMIT_NPROC, a two-thread prediction on a thread
 * whose OpenMP team does not exist yet used to end the JVM from inside libgomp ("Thread creation
 * failed", exit status 1). Now it is our exception naming the limit, the thread that had its team
 * keeps working, and the java backend's worker pool refuses the same way. The limit is counted per
 * user and root is exempt from it, so as root the child runs as {@code nobody} (through
 * {@code setpriv}) from copies of the class path that user can read.
 */
class ThreadExhaustionTest {
    @TempDir
    Path tmp;

    @Test
    void aTeamThatCannotStartIsOurExceptionNotTheEndOfTheJvm() throws Exception {
        assumeTrue(DnnlLibrary.isAvailable(), "oneDNN is not available on this platform");
        assumeTrue(System.getenv("QEMU_CPU") == null, "under qemu-user, thread limits are the emulator's");
        List<String> launcher = new ArrayList<>();
        String classPath = ChildJvm.classPath();
        boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
        if (root) {
            // RLIMIT_NPROC does not apply to root: run the child as nobody, from files it can read.
            launcher = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            classPath = readableCopy(classPath, tmp.resolve("cp"));
        }
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path weights = findTiny(classPath);

        ChildJvm.Result r = ChildJvm.runUnder(launcher, classPath,
                List.of("-D" + NativeLibraryCache.DIR_PROPERTY + "=" + cache, "-Duser.home=" + cache, "-XX:+UseSerialGC", "--add-modules=jdk.incubator.vector",
                        "-XX:-UseDynamicNumberOfCompilerThreads", "-XX:-UseDynamicNumberOfGCThreads"),
                ThreadExhaustionProbe.class, weights.toString());
        String out = r.output();
        assertEquals(0, r.exitCode(), "the child JVM did not get to its end:\n" + out);
        assertTrue(out.contains("TEAM 1 thread(s)"), "the premise: a two-thread run starts one OpenMP thread:\n" + out);
        assertTrue(out.contains("CHECK passed"), out);
        assertTrue(out.contains("DNNL REFUSED cannot start 2 threads for oneDNN's OpenMP team on thread \"second-caller\"")
                && out.contains("(ulimit -u)"), out);
        assertTrue(out.contains("DNNL FIRST CALLER RAN"), out);
        assertTrue(out.contains("JAVA REFUSED could not start thread 2 of 2 for the java backend") && out.contains("ulimit -u"), out);
        assertTrue(out.contains("END"), out);
    }

    /** The tiny V1 checkpoint inside the (possibly copied) test classes. */
    private static Path findTiny(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "fixtures", "tiny", "tiny_v1", "model.safetensors");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return Fixtures.tiny("tiny_v1").resolve("model.safetensors");
    }

    /** Copies every class path entry under {@code into}, world-readable, and returns the new class path. */
    private static String readableCopy(String classPath, Path into) throws IOException {
        List<String> copied = new ArrayList<>();
        int i = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = into.resolve(i++ + "-" + from.getFileName());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(f, target);
                    }
                }
            }
            copied.add(to.toString());
        }
        try (Stream<Path> files = Files.walk(into)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(File.pathSeparator, copied);
    }
}
