package dev.efficientformer.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in bindings are jextract's output, unchanged: with {@code JEXTRACT} set to a jextract
 * executable (see bindings/README.md for how to build one), every binding set is generated afresh
 * from their argfiles into a temporary folder, as bindings/regenerate*.sh would, and must equal the
 * checked-in sources file for file, byte for byte. Without {@code JEXTRACT} the test is skipped,
 * saying so. oneDNN's headers come from the {@code org.bytedeco:dnnl} jar on the test class path.
 */
class GeneratedBindingsTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SOURCES = MODULE.resolve("src/main/java");

    @TempDir
    Path tmp;

    private static String jextract() {
        String jextract = System.getenv("JEXTRACT");
        assumeTrue(jextract != null && !jextract.isBlank(),
                "JEXTRACT is not set: the comparison of the checked-in bindings with a fresh jextract run is skipped"
                        + " (set JEXTRACT=/path/to/jextract/bin/jextract to run it)");
        return jextract;
    }

    @Test
    void dnnlBindingsAreJextractsOutput() throws Exception {
        String jextract = jextract();
        // Every header of the jar's include folder, as bindings/regenerate.sh unpacks them.
        URL dnnlH = getClass().getClassLoader().getResource("org/bytedeco/dnnl/linux-x86_64/include/oneapi/dnnl/dnnl.h");
        assertTrue(dnnlH != null && dnnlH.getProtocol().equals("jar"), "oneDNN's headers are not on the test class path: " + dnnlH);
        Path jar = Path.of(URI.create(dnnlH.getPath().substring(0, dnnlH.getPath().indexOf("!/"))));
        Path include = tmp.resolve("include");
        try (FileSystem zip = FileSystems.newFileSystem(jar); Stream<Path> files = Files.walk(zip.getPath("org/bytedeco/dnnl/linux-x86_64/include"))) {
            Path from = zip.getPath("org/bytedeco/dnnl/linux-x86_64/include");
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = include.resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        assertSameAsFresh(jextract, "jextract/dnnl.argfile", include, include.resolve("oneapi/dnnl/dnnl.h"), "dev/efficientformer/bindings/dnnl");
    }

    @Test
    void aclShimBindingsAreJextractsOutput() throws Exception {
        String jextract = jextract();
        Path include = MODULE.resolve("../native/include").normalize();
        assertSameAsFresh(jextract, "jextract/efficientformer_acl.argfile", include, include.resolve("efficientformer_acl.h"),
                "dev/efficientformer/bindings/acl");
    }

    @Test
    void x86KernelBindingsAreJextractsOutput() throws Exception {
        String jextract = jextract();
        Path include = MODULE.resolve("../native/x86/include").normalize();
        assertSameAsFresh(jextract, "jextract/efficientformer_kernels.argfile", include, include.resolve("efficientformer_kernels.h"),
                "dev/efficientformer/bindings/kernels");
    }

    private void assertSameAsFresh(String jextract, String argfile, Path include, Path header, String packageDir) throws Exception {
        Path out = tmp.resolve("out-" + header.getFileName());
        List<String> cmd = new ArrayList<>(List.of(jextract, "@" + MODULE.resolve(argfile), "-I", include.toString(),
                "--output", out.toString(), header.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jextract did not finish in 120 s");
        assertEquals(0, p.exitValue(), "jextract failed:\n" + log);
        Map<String, String> fresh = sources(out.resolve(packageDir));
        Map<String, String> checkedIn = sources(SOURCES.resolve(packageDir));
        assertEquals(fresh.keySet(), checkedIn.keySet(), "files of " + packageDir);
        for (String name : fresh.keySet()) {
            assertEquals(fresh.get(name), checkedIn.get(name), packageDir + "/" + name + " differs from jextract's output");
        }
    }

    private static Map<String, String> sources(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return files;
    }
}
