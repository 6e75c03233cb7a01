package dev.efficientformer.nativelib;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and loads oneDNN ({@code libdnnl.so.3}, version 3.x) so that the bindings in
 * {@code dev.efficientformer.bindings.dnnl} can resolve their symbols.
 *
 * <p>The places tried, in order:
 * <ol>
 *   <li>a file named by the system property {@value #PATH_PROPERTY} or the environment variable
 *       {@value #PATH_ENV} (the property wins); when one is set, nothing else is tried. The value
 *       {@code bundled} skips straight to step 3;</li>
 *   <li>a system {@code libdnnl.so.3} found by the dynamic linker ({@code LD_LIBRARY_PATH},
 *       {@code ld.so.cache});</li>
 *   <li>the libraries inside the {@code org.bytedeco:dnnl:3.13-1.5.14:<platform>} jar on the class
 *       path, extracted once into the {@link NativeLibraryCache}.</li>
 * </ol>
 * A candidate is accepted only when it is oneDNN 3.x, exports every function the bindings use, and
 * is what the bindings' own lookup ({@code SymbolLookup.libraryLookup("libdnnl.so.3", ...)}, as
 * jextract generates it) finds by soname. Otherwise it is unloaded and the next is tried. When
 * nothing is accepted, {@link NativeLibraryException} lists every attempt and why it failed.
 *
 * <p>Thread-safety: {@link #load()} is safe from any thread; the library is loaded once per JVM
 * and stays loaded. Instances are immutable.
 */
public final class DnnlLibrary {
    /** System property naming a {@code libdnnl.so.3} to use, or {@code bundled}. */
    public static final String PATH_PROPERTY = "efficientformer.dnnl.library";
    /** Environment variable naming a {@code libdnnl.so.3} to use, or {@code bundled}. */
    public static final String PATH_ENV = "EFFICIENTFORMER_DNNL_LIBRARY";
    /** The soname the bindings look up. */
    public static final String SONAME = "libdnnl.so.3";
    /** The Maven coordinates of the jar that carries the bundled libraries. */
    public static final String BUNDLE_ARTIFACT = "org.bytedeco:dnnl:3.13-1.5.14";

    private static final String ARGFILE = "META-INF/efficientformer/bindings/dnnl.argfile";
    private static final System.Logger LOG = System.getLogger(DnnlLibrary.class.getName());
    private static final LoadOnce<DnnlLibrary> ONCE = new LoadOnce<>(() -> {
        DnnlLibrary loaded = loadOnce();
        LOG.log(System.Logger.Level.DEBUG, "oneDNN {0} loaded from {1}", loaded.version, loaded.source);
        return loaded;
    });

    private final String source;
    private final Path path;
    private final Version version;

    /**
     * A oneDNN version triple.
     *
     * @param major major version (3)
     * @param minor minor version
     * @param patch patch version
     * @param hash the git hash oneDNN was built from
     */
    public record Version(int major, int minor, int patch, String hash) {
        @Override
        public String toString() {
            return major + "." + minor + "." + patch + (hash.isEmpty() ? "" : " (" + hash + ")");
        }
    }

    private DnnlLibrary(String source, Path path, Version version) {
        this.source = source;
        this.path = path;
        this.version = version;
    }

    /**
     * Loads oneDNN if this JVM has not yet, and describes what was loaded. A failure is remembered:
     * later calls throw the same exception without trying again.
     *
     * @throws NativeLibraryException listing every place tried and why it failed
     */
    public static DnnlLibrary load() {
        return ONCE.get();
    }

    /** Whether oneDNN can be loaded in this JVM (loading it if needed). */
    public static boolean isAvailable() {
        try {
            load();
            return true;
        } catch (NativeLibraryException e) {
            return false;
        }
    }

    /** Where the library came from, e.g. {@code bundled org.bytedeco:dnnl:3.13-1.5.14 jar (linux-x86_64)}. */
    public String source() {
        return source;
    }

    /** The loaded file, when known (empty for a library found by soname). */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The version the library reports. */
    public Version version() {
        return version;
    }

    @Override
    public String toString() {
        return "oneDNN " + version + " from " + source;
    }

    private static DnnlLibrary loadOnce() {
        List<String> attempts = new ArrayList<>();
        List<String> symbols = requiredSymbols();
        LibraryOverride override = LibraryOverride.read(PATH_PROPERTY, PATH_ENV);
        if (override.file().isPresent()) {
            Path p = override.file().get();
            DnnlLibrary l = tryCandidate(override.origin() + " = " + p, p, List.of(), symbols, attempts);
            if (l != null) {
                return l;
            }
            throw new NativeLibraryException("oneDNN could not be loaded from the library named by " + override.origin()
                    + " (unset it to use the bundled one):", attempts);
        }
        if (!override.bundledOnly()) {
            DnnlLibrary l = tryCandidate("system " + SONAME + " (dynamic linker search path)", null, List.of(), symbols, attempts);
            if (l != null) {
                return l;
            }
        }
        Platform platform = Platform.current();
        String where = "bundled " + BUNDLE_ARTIFACT + " jar (" + platform + ")";
        if (!platform.isSupported()) {
            attempts.add(where + ": no bundled oneDNN for " + platform + " (bundled builds: linux-x86_64, linux-arm64)");
        } else {
            Optional<Path> dir = extractBundle(platform, attempts, where);
            if (dir.isPresent()) {
                Path lib = dir.get().resolve(SONAME);
                DnnlLibrary l = tryCandidate(where, lib, List.of(dir.get().resolve("libgomp.so.1")), symbols, attempts);
                if (l != null) {
                    return l;
                }
            }
        }
        throw new NativeLibraryException("oneDNN (" + SONAME + ", version 3.x) could not be loaded. Put the "
                + BUNDLE_ARTIFACT + ":" + platform + " jar on the class path, or set " + PATH_PROPERTY + " (or "
                + PATH_ENV + ") to a libdnnl.so.3 file. Tried:", attempts);
    }

    private static Optional<Path> extractBundle(Platform platform, List<String> attempts, String where) {
        String folder = "org/bytedeco/dnnl/" + platform.classifier();
        ClassLoader loader = DnnlLibrary.class.getClassLoader();
        if (loader.getResource(folder + "/" + SONAME) == null) {
            attempts.add(where + ": not on the class path (resource " + folder + "/" + SONAME + " not found)");
            return Optional.empty();
        }
        return NativeLibraryCache.extractToFirstWritable(loader, folder, platform.classifier(), List.of("libgomp.so.1", SONAME),
                attempts, where);
    }

    /**
     * Loads one candidate in an arena of its own, checks it, and either keeps it loaded for the
     * life of the JVM or unloads it and records why it was refused.
     */
    private static DnnlLibrary tryCandidate(String source, Path file, List<Path> preload, List<String> symbols,
                                           List<String> attempts) {
        if (file != null && !Files.isRegularFile(file)) {
            attempts.add(source + ": no such file");
            return null;
        }
        Arena arena = Arena.ofShared();
        boolean keep = false;
        try {
            for (Path p : preload) {
                SymbolLookup.libraryLookup(p, arena);
            }
            SymbolLookup lookup = file == null ? SymbolLookup.libraryLookup(SONAME, arena) : SymbolLookup.libraryLookup(file, arena);
            Version v = version(lookup);
            if (v.major != 3) {
                attempts.add(source + ": is oneDNN " + v + ", version 3.x is required");
                return null;
            }
            List<String> missing = symbols.stream().filter(s -> lookup.find(s).isEmpty()).toList();
            if (!missing.isEmpty()) {
                attempts.add(source + ": oneDNN " + v + " lacks " + missing.size() + " function(s) the bindings use: "
                        + String.join(", ", missing.subList(0, Math.min(8, missing.size()))));
                return null;
            }
            if (!BoundSymbols.bySonameFinds(lookup, SONAME, "dnnl_version")) {
                attempts.add(source + ": its soname is not " + SONAME + ", so the bindings would not find it");
                return null;
            }
            keep = true;
            return new DnnlLibrary(source, file, v);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The JDK says only "Cannot open library <path>": say why, where the header tells.
            String why = file == null ? "" : ElfCheck.problem(file, Platform.current()).map(p -> ": " + p)
                    .orElse(": the dynamic linker refused it although its ELF header is right for " + Platform.current()
                            + " (a dependency missing? `ldd " + file + "` lists them)");
            attempts.add(source + ": " + e.getMessage() + why);
            return null;
        } catch (Throwable t) {
            attempts.add(source + ": " + t);
            return null;
        } finally {
            if (!keep) {
                arena.close();
            }
        }
    }


    /** Calls {@code const dnnl_version_t *dnnl_version(void)} without touching the bindings. */
    private static Version version(SymbolLookup lookup) throws Throwable {
        MemorySegment fn = lookup.find("dnnl_version")
                .orElseThrow(() -> new IllegalStateException("no dnnl_version symbol: not a oneDNN library"));
        MethodHandle h = Linker.nativeLinker().downcallHandle(fn, FunctionDescriptor.of(ValueLayout.ADDRESS));
        // dnnl_version_t: int major, minor, patch; const char *hash; unsigned cpu_runtime, gpu_runtime
        MemorySegment v = ((MemorySegment) h.invokeExact()).reinterpret(40);
        MemorySegment hashPtr = v.get(ValueLayout.ADDRESS, 16);
        String hash = hashPtr.equals(MemorySegment.NULL) ? "" : hashPtr.reinterpret(64).getString(0, StandardCharsets.US_ASCII);
        return new Version(v.get(ValueLayout.JAVA_INT, 0), v.get(ValueLayout.JAVA_INT, 4), v.get(ValueLayout.JAVA_INT, 8), hash);
    }

    /** The functions named by the bindings' jextract argfile (a few core ones if it is absent). */
    static List<String> requiredSymbols() {
        return BoundSymbols.functions(ARGFILE, List.of("dnnl_version", "dnnl_engine_create", "dnnl_primitive_execute"));
    }
}
