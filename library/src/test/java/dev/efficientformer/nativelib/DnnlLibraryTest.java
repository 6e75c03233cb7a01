package dev.efficientformer.nativelib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.ChildJvm;
import java.io.File;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnnlLibraryTest {

    @TempDir
    Path tmp;

    @Test
    void loadsTheBundledOneDnn3() {
        DnnlLibrary l = DnnlLibrary.load();
        assertEquals(3, l.version().major());
        assertEquals(13, l.version().minor(), "the pinned org.bytedeco:dnnl:3.13 build");
        assertSame(l, DnnlLibrary.load(), "loaded once per JVM");
        assertTrue(DnnlLibrary.isAvailable());
        // What the jextract-style bindings do at class initialisation must now succeed by soname.
        try (Arena a = Arena.ofConfined()) {
            assertTrue(SymbolLookup.libraryLookup(DnnlLibrary.SONAME, a).find("dnnl_engine_create").isPresent());
        }
    }

    @Test
    void extractsIntoAContentHashedCacheFolderOnce() throws Exception {
        Path cache = tmp.resolve("cache");
        List<String> opts = List.of("-D" + NativeLibraryCache.DIR_PROPERTY + "=" + cache, "-D" + DnnlLibrary.PATH_PROPERTY + "=bundled");
        ChildJvm.Result first = ChildJvm.run(ChildJvm.classPath(), opts, DnnlLoadProbe.class);
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("LOADED 3.13"), first.output());
        assertTrue(first.output().contains("bundled org.bytedeco:dnnl:3.13-1.5.14 jar (linux-x86_64)"), first.output());
        Path platformDir = cache.resolve("native").resolve(Platform.current().classifier());
        List<Path> folders;
        try (var s = Files.list(platformDir)) {
            folders = s.toList();
        }
        assertEquals(1, folders.size(), "one published folder, no temporaries left: " + folders);
        Path lib = folders.get(0).resolve("libdnnl.so.3");
        assertTrue(Files.isRegularFile(folders.get(0).resolve("libgomp.so.1")));
        assertTrue(first.output().contains(lib.toString()), first.output());
        long modified = Files.getLastModifiedTime(lib).toMillis();

        ChildJvm.Result second = ChildJvm.run(ChildJvm.classPath(), opts, DnnlLoadProbe.class);
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(modified, Files.getLastModifiedTime(lib).toMillis(), "reused, not extracted again");
    }

    @Test
    void anExplicitPathWinsAndItsFailureSaysSo() throws Exception {
        Path missing = tmp.resolve("nowhere/libdnnl.so.3");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.classPath(), List.of("-D" + DnnlLibrary.PATH_PROPERTY + "=" + missing), DnnlLoadProbe.class);
        assertEquals(3, r.exitCode(), r.output());
        assertTrue(r.output().contains("system property " + DnnlLibrary.PATH_PROPERTY + " = " + missing + ": no such file"), r.output());
        assertTrue(r.output().contains("unset it to use the bundled one"), r.output());

        Path notALibrary = Files.writeString(tmp.resolve("libdnnl.so.3"), "not an ELF file");
        r = ChildJvm.run(ChildJvm.classPath(), List.of("-D" + DnnlLibrary.PATH_PROPERTY + "=" + notALibrary), DnnlLoadProbe.class);
        assertEquals(3, r.exitCode(), r.output());
        assertTrue(r.output().contains(notALibrary.toString()), r.output());
    }

    @Test
    void withNothingToLoadTheExceptionListsEveryPlaceTried() throws Exception {
        String withoutDnnlJar = Arrays.stream(ChildJvm.classPath().split(File.pathSeparator))
                .filter(e -> !e.contains("dnnl-3.13"))
                .collect(Collectors.joining(File.pathSeparator));
        ChildJvm.Result r = ChildJvm.run(withoutDnnlJar, List.of(), DnnlLoadProbe.class);
        assertEquals(3, r.exitCode(), r.output());
        assertTrue(r.output().contains("system libdnnl.so.3 (dynamic linker search path):"), r.output());
        assertTrue(r.output().contains("bundled org.bytedeco:dnnl:3.13-1.5.14 jar (linux-x86_64): not on the class path"), r.output());
        assertTrue(r.output().contains("Put the org.bytedeco:dnnl:3.13-1.5.14:linux-x86_64 jar on the class path"), r.output());
    }
}
