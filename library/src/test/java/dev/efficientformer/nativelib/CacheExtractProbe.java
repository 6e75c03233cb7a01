package dev.efficientformer.nativelib;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/** Child-JVM entry point: extracts {@code libs/liba.so, libs/libb.so} from folder args[0] into cache args[1]. */
public final class CacheExtractProbe {
    private CacheExtractProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, null)) {
            System.out.println(new NativeLibraryCache(Path.of(args[1])).extract(loader, "libs", "test-platform", List.of("liba.so", "libb.so")));
        }
    }
}
