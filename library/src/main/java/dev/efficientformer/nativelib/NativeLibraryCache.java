package dev.efficientformer.nativelib;

import dev.efficientformer.CacheDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Extracts native libraries shipped as class-path resources into a per-user cache directory, once.
 *
 * <p>Each set of libraries goes into a folder named by a hash of every file's name, size and
 * CRC-32 (the checksum a jar records of each entry's content), so different builds never share a
 * folder and a cached folder is found without reading 90 MB again. Files keep their names so that
 * the libraries find each other by soname (libdnnl's RUNPATH is {@code $ORIGIN}).
 *
 * <p>Several JVMs may start at once: each writes into a private temporary folder, verifies the
 * CRC-32 of what it wrote, and publishes it with one atomic rename; the loser of a race discards
 * its copy and uses the winner's. A published folder is therefore always complete.
 *
 * <p>Thread-safety: safe from any thread and any number of processes.
 */
public final class NativeLibraryCache {
    /** System property naming the cache root (see {@link CacheDirectory}). */
    public static final String DIR_PROPERTY = CacheDirectory.PROPERTY;
    /** Environment variable naming the cache root (the property wins). */
    public static final String DIR_ENV = CacheDirectory.ENV;

    private final Path root;

    /** A cache rooted at {@code root} (libraries go under {@code root/native/<platform>/<hash>}). */
    public NativeLibraryCache(Path root) {
        this.root = root;
    }

    /** The per-user default root, {@link CacheDirectory#root()}; shared with downloaded weights. */
    public static Path defaultRoot() {
        return CacheDirectory.root();
    }

    /** The cache root. */
    public Path root() {
        return root;
    }

    /** A library file found on the class path, with what identifies its content. */
    private record Resource(String fileName, URL url, long size, long crc) {
    }

    /**
     * Extracts {@code folder/fileName} for each file name from the class path into one cached
     * folder (or finds it already there) and returns that folder.
     *
     * @throws IOException when a resource is missing, the cache cannot be written, or an extracted
     *     file does not match its recorded checksum
     */
    public Path extract(ClassLoader loader, String folder, String platform, List<String> fileNames) throws IOException {
        List<Resource> resources = new ArrayList<>();
        for (String name : fileNames) {
            String resourceName = folder + "/" + name;
            URL url = loader.getResource(resourceName);
            if (url == null) {
                throw new IOException("class-path resource " + resourceName + " not found");
            }
            resources.add(describe(name, url));
        }
        Path parent = root.resolve("native").resolve(platform);
        Path target = parent.resolve(key(resources));
        if (isComplete(target, resources)) {
            return target;
        }
        Files.createDirectories(parent);
        if (Files.exists(target) && !isComplete(target, resources)) {
            // Published folders are complete by construction (one atomic rename), and another JVM
            // may be using this one right now: never repair it in place.
            throw new IOException("cache folder " + target + " exists but is incomplete (changed by hand?): delete it");
        }
        Path incoming = Files.createTempDirectory(parent, ".incoming-");
        try {
            for (Resource r : resources) {
                write(r, incoming.resolve(r.fileName));
            }
            try {
                Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cache folder " + parent + " does not support atomic renames", e);
            } catch (IOException e) {
                // rename(2) onto a published folder fails (ENOTEMPTY, reported as a plain
                // FileSystemException): another JVM published the same content first, so use its
                // copy. Any other failure leaves no complete folder and is reported.
                if (!isComplete(target, resources)) {
                    throw e;
                }
            }
        } finally {
            deleteRecursively(incoming);
        }
        if (!isComplete(target, resources)) {
            throw new IOException("cache folder " + target + " is incomplete after extraction");
        }
        return target;
    }

    /**
     * Extracts into the default cache, or when that cannot be written into a per-user folder
     * under {@code java.io.tmpdir}; each failure is added to {@code attempts} as
     * {@code "<where>: ..."}. Empty when neither worked.
     */
    static Optional<Path> extractToFirstWritable(ClassLoader loader, String folder, String platform, List<String> fileNames,
                                                 List<String> attempts, String where) {
        List<Path> roots = List.of(defaultRoot(),
                Path.of(System.getProperty("java.io.tmpdir"), "efficientformer-java-" + System.getProperty("user.name", "user")));
        for (Path root : roots) {
            try {
                return Optional.of(new NativeLibraryCache(root).extract(loader, folder, platform, fileNames));
            } catch (IOException | SecurityException e) {
                attempts.add(where + ": cannot extract into cache " + root + ": " + e + " (set " + DIR_PROPERTY + " to a writable folder)");
            }
        }
        return Optional.empty();
    }

    private static Resource describe(String name, URL url) throws IOException {
        URLConnection c = url.openConnection();
        if (c instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            JarEntry e = jar.getJarEntry();
            if (e.getSize() >= 0 && e.getCrc() >= 0) {
                return new Resource(name, url, e.getSize(), e.getCrc());
            }
        }
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = open(url)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                size += n;
            }
        }
        return new Resource(name, url, size, crc.getValue());
    }

    private static InputStream open(URL url) throws IOException {
        URLConnection c = url.openConnection();
        c.setUseCaches(false);
        return c.getInputStream();
    }

    private static String key(List<Resource> resources) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Resource r : resources) {
                md.update((r.fileName + "\0" + r.size + "\0" + r.crc + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static boolean isComplete(Path dir, List<Resource> resources) throws IOException {
        for (Resource r : resources) {
            Path f = dir.resolve(r.fileName);
            if (!Files.isRegularFile(f) || Files.size(f) != r.size) {
                return false;
            }
        }
        return true;
    }

    private static void write(Resource r, Path file) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = open(r.url); OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                out.write(buf, 0, n);
                size += n;
            }
        }
        if (size != r.size || crc.getValue() != r.crc) {
            throw new IOException("extracted " + r.fileName + " does not match its class-path resource (size "
                    + size + " vs " + r.size + ", CRC-32 " + Long.toHexString(crc.getValue()) + " vs "
                    + Long.toHexString(r.crc) + ")");
        }
        if (!file.toFile().setExecutable(true, false) || !file.toFile().setReadable(true, false)) {
            throw new IOException("cannot set permissions on " + file);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Leftover temporary files are harmless: they are never published.
        }
    }
}
