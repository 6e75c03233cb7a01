package dev.efficientformer.nativelib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.testing.ChildJvm;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {

    @TempDir
    Path tmp;

    /** A class-path folder holding {@code libs/liba.so} and {@code libs/libb.so} with random content. */
    private Path resources(long seed) throws IOException {
        Path root = tmp.resolve("cp-" + seed);
        Files.createDirectories(root.resolve("libs"));
        Random r = new Random(seed);
        for (String name : List.of("liba.so", "libb.so")) {
            byte[] b = new byte[300_000 + r.nextInt(1000)];
            r.nextBytes(b);
            Files.write(root.resolve("libs").resolve(name), b);
        }
        return root;
    }

    @Test
    void concurrentExtractionsPublishOneCompleteFolder() throws Exception {
        Path cp = resources(1);
        Path cacheRoot = tmp.resolve("cache");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Path>> results = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {cp.toUri().toURL()}, null)) {
            for (int i = 0; i < threads; i++) {
                Callable<Path> task = () -> {
                    start.await();
                    return new NativeLibraryCache(cacheRoot).extract(loader, "libs", "test-platform", List.of("liba.so", "libb.so"));
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            Set<Path> dirs = new HashSet<>();
            for (Future<Path> f : results) {
                dirs.add(f.get());
            }
            assertEquals(1, dirs.size(), "every thread uses the same folder");
            Path dir = dirs.iterator().next();
            for (String name : List.of("liba.so", "libb.so")) {
                assertArrayEquals(Files.readAllBytes(cp.resolve("libs").resolve(name)), Files.readAllBytes(dir.resolve(name)));
            }
            try (var s = Files.list(dir.getParent())) {
                assertEquals(List.of(dir), s.toList(), "losers' temporary folders are removed");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoJvmsExtractingAtOnceAgree() throws Exception {
        Path cp = resources(2);
        Path cacheRoot = tmp.resolve("cache2");
        List<ChildJvm.Result> outs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ChildJvm.Result>> fs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fs.add(pool.submit(() -> ChildJvm.run(ChildJvm.classPath(), List.of(), CacheExtractProbe.class, cp.toString(), cacheRoot.toString())));
            }
            for (Future<ChildJvm.Result> f : fs) {
                outs.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (ChildJvm.Result r : outs) {
            assertEquals(0, r.exitCode(), r.output());
        }
        assertEquals(outs.get(0).output(), outs.get(1).output(), "both JVMs use one folder");
        Path dir = Path.of(outs.get(0).output().strip());
        assertArrayEquals(Files.readAllBytes(cp.resolve("libs/liba.so")), Files.readAllBytes(dir.resolve("liba.so")));
    }

    @Test
    void differentContentGetsADifferentFolder() throws Exception {
        Path cacheRoot = tmp.resolve("cache3");
        Path a;
        Path b;
        try (URLClassLoader l1 = new URLClassLoader(new URL[] {resources(3).toUri().toURL()}, null);
             URLClassLoader l2 = new URLClassLoader(new URL[] {resources(4).toUri().toURL()}, null)) {
            a = new NativeLibraryCache(cacheRoot).extract(l1, "libs", "p", List.of("liba.so"));
            b = new NativeLibraryCache(cacheRoot).extract(l2, "libs", "p", List.of("liba.so"));
        }
        assertNotEquals(a, b);
    }

    @Test
    void aMissingResourceIsNamed() throws Exception {
        try (URLClassLoader l = new URLClassLoader(new URL[] {resources(5).toUri().toURL()}, null)) {
            IOException e = assertThrows(IOException.class,
                    () -> new NativeLibraryCache(tmp.resolve("c")).extract(l, "libs", "p", List.of("libzzz.so")));
            assertTrue(e.getMessage().contains("libs/libzzz.so not found"), e.getMessage());
        }
    }

    @Test
    void anUnwritableCacheRootFailsWithTheReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        try (URLClassLoader l = new URLClassLoader(new URL[] {resources(6).toUri().toURL()}, null)) {
            assertThrows(IOException.class, () -> new NativeLibraryCache(file.resolve("sub")).extract(l, "libs", "p", List.of("liba.so")));
        }
    }
}
