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
 * Finds and loads the Arm Compute Library shim ({@code libefficientformer_acl.so}, built from
 * {@code native/}) so that the bindings in {@code dev.efficientformer.bindings.acl} can resolve
 * their symbols. The shim itself links the system's Arm Compute Library
 * ({@code libarm_compute.so.43}, Debian/Ubuntu package {@code libarm-compute43}).
 *
 * <p>Only on Linux aarch64 ({@code linux-arm64}); anywhere else {@link #load()} fails at once with
 * that reason. The places tried, in order:
 * <ol>
 *   <li>a file named by the system property {@value #PATH_PROPERTY} or the environment variable
 *       {@value #PATH_ENV} (the property wins); when one is set, nothing else is tried. The value
 *       {@code bundled} skips straight to step 3;</li>
 *   <li>a system {@code libefficientformer_acl.so} found by the dynamic linker
 *       ({@code LD_LIBRARY_PATH}, {@code ld.so.cache});</li>
 *   <li>the copy shipped in this library's jar as the class-path resource
 *       {@code dev/efficientformer/native/linux-arm64/libefficientformer_acl.so}, extracted once into
 *       the {@link NativeLibraryCache} (with {@code libarm_compute.so.43} beside it when the jar
 *       carries that too; the shim's RUNPATH is {@code $ORIGIN}).</li>
 * </ol>
 * A candidate is accepted only when its ABI version is {@value #ABI_VERSION}, it exports every
 * function the bindings use, and it is what the bindings' own lookup
 * ({@code SymbolLookup.libraryLookup("libefficientformer_acl.so", ...)}) finds by soname. When
 * nothing is accepted, {@link NativeLibraryException} lists every attempt and why it failed.
 *
 * <p>Thread-safety: {@link #load()} is safe from any thread; the library is loaded once per JVM
 * and stays loaded. Instances are immutable.
 */
public final class AclLibrary {
    /** System property naming a {@code libefficientformer_acl.so} to use, or {@code bundled}. */
    public static final String PATH_PROPERTY = "efficientformer.acl.library";
    /** Environment variable naming a {@code libefficientformer_acl.so} to use, or {@code bundled}. */
    public static final String PATH_ENV = "EFFICIENTFORMER_ACL_LIBRARY";
    /** The shim's soname (CMake names a library without SOVERSION after its file), which the bindings look up. */
    public static final String SONAME = "libefficientformer_acl.so";
    /** The Arm Compute Library the shim links against. */
    public static final String ACL_SONAME = "libarm_compute.so.43";
    /** The class-path folder of the bundled shim. */
    public static final String RESOURCE_FOLDER = "dev/efficientformer/native/linux-arm64";
    /** The C ABI version these bindings were written for ({@code EFACL_ABI_VERSION}). */
    public static final int ABI_VERSION = 1;
    /** The platform the shim is built for. */
    public static final Platform PLATFORM = new Platform("linux", "arm64");

    private static final String ARGFILE = "META-INF/efficientformer/bindings/efficientformer_acl.argfile";
    private static final String INSTALL_HINT = "install the Arm Compute Library 24.x (Debian 13 / Ubuntu: "
            + "apt install libarm-compute43, or libarm-compute-dev to build the shim)";
    private static final System.Logger LOG = System.getLogger(AclLibrary.class.getName());
    private static final LoadOnce<AclLibrary> ONCE = new LoadOnce<>(() -> {
        AclLibrary loaded = loadOnce(Platform.current());
        LOG.log(System.Logger.Level.DEBUG, "{0} loaded from {1}", loaded.version, loaded.source);
        return loaded;
    });

    private final String source;
    private final Path path;
    private final String version;

    private AclLibrary(String source, Path path, String version) {
        this.source = source;
        this.path = path;
        this.version = version;
    }

    /**
     * Loads the shim if this JVM has not yet, and describes what was loaded. A failure is
     * remembered: later calls throw the same exception without trying again.
     *
     * @throws NativeLibraryException saying why (another platform; or every place tried and why it failed)
     */
    public static AclLibrary load() {
        return ONCE.get();
    }

    /** Whether the shim can be loaded in this JVM (loading it if needed). */
    public static boolean isAvailable() {
        try {
            load();
            return true;
        } catch (NativeLibraryException e) {
            return false;
        }
    }

    /** Where the library came from, e.g. {@code bundled in the jar (linux-arm64)}. */
    public String source() {
        return source;
    }

    /** The loaded file, when known (empty for a library found by soname). */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** What the shim reports, e.g. {@code efficientformer_acl 0.1.0 (Arm Compute Library v24.11)}. */
    public String version() {
        return version;
    }

    @Override
    public String toString() {
        return version + " from " + source;
    }

    /** Why the shim cannot run on {@code platform}, or empty when it is the shim's platform. */
    static Optional<String> platformRefusal(Platform platform) {
        if (platform.equals(PLATFORM)) {
            return Optional.empty();
        }
        return Optional.of("the Arm Compute Library backend runs on " + PLATFORM + " only (Linux on 64-bit ARM: "
                + "Raspberry Pi 4/5, Graviton, Ampere...); this JVM runs on " + platform);
    }

    static AclLibrary loadOnce(Platform platform) {
        Optional<String> refusal = platformRefusal(platform);
        if (refusal.isPresent()) {
            throw new NativeLibraryException(refusal.get(), List.of());
        }
        List<String> attempts = new ArrayList<>();
        List<String> symbols = requiredSymbols();
        LibraryOverride override = LibraryOverride.read(PATH_PROPERTY, PATH_ENV);
        if (override.file().isPresent()) {
            Path p = override.file().get();
            AclLibrary l = tryCandidate(override.origin() + " = " + p, p, List.of(), symbols, attempts);
            if (l != null) {
                return l;
            }
            throw new NativeLibraryException("the Arm Compute Library shim could not be loaded from the library named by "
                    + override.origin() + " (unset it to use the bundled one):", attempts);
        }
        if (!override.bundledOnly()) {
            AclLibrary l = tryCandidate("system " + SONAME + " (dynamic linker search path)", null, List.of(), symbols, attempts);
            if (l != null) {
                return l;
            }
        }
        String where = "bundled in the jar (" + RESOURCE_FOLDER + ")";
        Optional<Path> dir = extractBundle(attempts, where);
        if (dir.isPresent()) {
            Path acl = dir.get().resolve(ACL_SONAME);
            List<Path> preload = Files.isRegularFile(acl) ? List.of(acl) : List.of();
            AclLibrary l = tryCandidate(where, dir.get().resolve(SONAME), preload, symbols, attempts);
            if (l != null) {
                return l;
            }
        }
        throw new NativeLibraryException("the Arm Compute Library shim (" + SONAME + ") could not be loaded. Build it "
                + "from native/ (see native/README.md) and set " + PATH_PROPERTY + " (or " + PATH_ENV + ") to it, or use a "
                + "jar that bundles it; it needs " + ACL_SONAME + " (" + INSTALL_HINT + "). Tried:", attempts);
    }

    private static Optional<Path> extractBundle(List<String> attempts, String where) {
        ClassLoader loader = AclLibrary.class.getClassLoader();
        if (loader.getResource(RESOURCE_FOLDER + "/" + SONAME) == null) {
            attempts.add(where + ": not on the class path (this jar was built without the cross-built shim; "
                    + "native/test-aarch64.sh or a build on the board puts it in native/build-aarch64)");
            return Optional.empty();
        }
        List<String> files = new ArrayList<>();
        if (loader.getResource(RESOURCE_FOLDER + "/" + ACL_SONAME) != null) {
            files.add(ACL_SONAME);
        }
        files.add(SONAME);
        return NativeLibraryCache.extractToFirstWritable(loader, RESOURCE_FOLDER, PLATFORM.classifier(), files, attempts, where);
    }

    /**
     * Loads one candidate in an arena of its own, checks it, and either keeps it loaded for the
     * life of the JVM or unloads it and records why it was refused.
     */
    private static AclLibrary tryCandidate(String source, Path file, List<Path> preload, List<String> symbols,
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
            SymbolLookup lookup;
            try {
                lookup = file == null ? SymbolLookup.libraryLookup(SONAME, arena) : SymbolLookup.libraryLookup(file, arena);
            } catch (IllegalArgumentException e) {
                attempts.add(source + ": " + e.getMessage() + (file != null && preload.isEmpty() ? aclMissingHint() : ""));
                return null;
            }
            MemorySegment abiFn = lookup.find("efacl_abi_version").orElse(null);
            if (abiFn == null) {
                attempts.add(source + ": no efacl_abi_version symbol: not the efficientformer ACL shim");
                return null;
            }
            int abi = (int) Linker.nativeLinker().downcallHandle(abiFn, FunctionDescriptor.of(ValueLayout.JAVA_INT)).invokeExact();
            if (abi != ABI_VERSION) {
                attempts.add(source + ": C ABI version " + abi + ", these bindings need " + ABI_VERSION);
                return null;
            }
            List<String> missing = symbols.stream().filter(s -> lookup.find(s).isEmpty()).toList();
            if (!missing.isEmpty()) {
                attempts.add(source + ": lacks " + missing.size() + " function(s) the bindings use: "
                        + String.join(", ", missing.subList(0, Math.min(8, missing.size()))));
                return null;
            }
            if (!BoundSymbols.bySonameFinds(lookup, SONAME, "efacl_abi_version")) {
                attempts.add(source + ": its soname is not " + SONAME + ", so the bindings would not find it");
                return null;
            }
            String v = string(lookup, "efacl_version");
            keep = true;
            return new AclLibrary(source, file, v);
        } catch (IllegalArgumentException | IllegalStateException e) {
            attempts.add(source + ": " + e.getMessage());
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

    /** When a shim file does not open, the usual cause is a missing Arm Compute Library: say so if it is. */
    private static String aclMissingHint() {
        try (Arena probe = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(ACL_SONAME, probe);
            return "";
        } catch (IllegalArgumentException e) {
            return " (" + ACL_SONAME + " is not installed either: " + INSTALL_HINT + ")";
        }
    }


    /** Calls a {@code const char *f(void)} of the candidate without touching the bindings. */
    private static String string(SymbolLookup lookup, String function) throws Throwable {
        MethodHandle h = Linker.nativeLinker().downcallHandle(lookup.findOrThrow(function), FunctionDescriptor.of(ValueLayout.ADDRESS));
        MemorySegment p = (MemorySegment) h.invokeExact();
        return p.equals(MemorySegment.NULL) ? "" : p.reinterpret(4096).getString(0, StandardCharsets.UTF_8);
    }

    /** The functions named by the bindings' jextract argfile. */
    static List<String> requiredSymbols() {
        return BoundSymbols.functions(ARGFILE, List.of("efacl_abi_version", "efacl_version", "efacl_last_error"));
    }
}
