package dev.efficientformer.nativelib;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the project's own x86_64 kernels ({@code libefficientformer_kernels.so}, built from
 * {@code native/x86} and bundled in this library's jar as
 * {@code dev/efficientformer/native/linux-x86_64/libefficientformer_kernels.so}) so that the
 * bindings in {@code dev.efficientformer.bindings.kernels} can resolve their symbols. The oneDNN
 * backend runs them in place of oneDNN's primitive for the ops where they were measured faster,
 * and runs oneDNN's own kernels wherever they are not usable: on another platform, on a CPU
 * without AVX-512F, from a jar built without them, or when the system property
 * {@value #PROPERTY} is {@code off}.
 *
 * <p>The library is accepted only when its ABI version is {@value #ABI_VERSION}, it exports every
 * function the bindings use, and the bindings' lookup by soname finds it. It links
 * {@code libgomp.so.1} (its kernels split their work across the plan's OpenMP threads), so oneDNN,
 * which brings that library, is loaded first.
 *
 * <p>Thread-safety: every method is safe from any thread; the library is loaded once per JVM and
 * stays loaded.
 */
public final class KernelsLibrary {
    /** System property: {@code auto} (default: use the kernels where they load) or {@code off}. */
    public static final String PROPERTY = "efficientformer.kernels";
    /** The soname the bindings look up. */
    public static final String SONAME = "libefficientformer_kernels.so";
    /** The class-path folder of the bundled library. */
    public static final String RESOURCE_FOLDER = "dev/efficientformer/native/linux-x86_64";
    /** The C ABI version these bindings were written for ({@code EFK_ABI_VERSION}). */
    public static final int ABI_VERSION = 2;

    private static final String ARGFILE = "META-INF/efficientformer/bindings/efficientformer_kernels.argfile";
    private static final Platform PLATFORM = Platform.of("Linux", "amd64");
    private static final System.Logger LOG = System.getLogger(KernelsLibrary.class.getName());
    /** Whether the load failure has been logged. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final LoadOnce<KernelsLibrary> ONCE = new LoadOnce<>(() -> {
        KernelsLibrary loaded = loadOnce();
        LOG.log(System.Logger.Level.DEBUG, "x86_64 kernels loaded from {0}", loaded.path);
        return loaded;
    });

    private final Path path;
    private final boolean cpuSupported;

    private KernelsLibrary(Path path, boolean cpuSupported) {
        this.path = path;
        this.cpuSupported = cpuSupported;
    }

    /**
     * Loads the kernels if this JVM has not yet. A failure is remembered: later calls throw the
     * same exception without trying again.
     *
     * @throws NativeLibraryException saying what was tried and why it failed
     */
    public static KernelsLibrary load() {
        return ONCE.get();
    }

    /**
     * Why the kernels will not run here (the property, the platform, the jar, the CPU), or empty
     * when they will. Loads the library on the first call.
     */
    public static Optional<String> whyUnusable() {
        String mode = System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "off" -> {
                return Optional.of("system property " + PROPERTY + " is off");
            }
            case "auto" -> {
            }
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto or off, not " + mode);
        }
        if (!Platform.current().equals(PLATFORM)) {
            return Optional.of("they are built for " + PLATFORM.classifier() + " only, this is " + Platform.current().classifier());
        }
        try {
            return load().cpuSupported ? Optional.empty() : Optional.of("this CPU has no AVX-512F");
        } catch (NativeLibraryException e) {
            String why = e.getMessage() + " " + String.join("; ", e.attempts());
            if (!WARNED.getAndSet(true)) {
                // Once per JVM: the plans still run (on oneDNN's kernels), only slower, so a
                // warning rather than an exception; the reason would otherwise go unseen.
                LOG.log(System.Logger.Level.WARNING, why);
            }
            return Optional.of(why);
        }
    }

    /** Whether the kernels run here ({@link #whyUnusable} is empty). */
    public static boolean isUsable() {
        return whyUnusable().isEmpty();
    }

    /** The loaded file. */
    public Path path() {
        return path;
    }

    @Override
    public String toString() {
        return "x86_64 kernels from " + path + (cpuSupported ? "" : " (not usable: no AVX-512F)");
    }

    private static KernelsLibrary loadOnce() {
        List<String> attempts = new ArrayList<>();
        // The kernels split their work with OpenMP through libgomp.so.1: oneDNN's copy must be the one
        // loaded, so that one OpenMP runtime (and the thread count each plan sets) serves both.
        try {
            DnnlLibrary.load();
        } catch (NativeLibraryException e) {
            throw new NativeLibraryException("the x86_64 kernels need oneDNN (and its libgomp) loaded first, which failed: "
                    + e.getMessage(), e.attempts());
        }
        String where = "bundled in the jar (" + RESOURCE_FOLDER + ")";
        ClassLoader loader = KernelsLibrary.class.getClassLoader();
        if (loader.getResource(RESOURCE_FOLDER + "/" + SONAME) == null) {
            attempts.add(where + ": not on the class path (this jar was built without gcc for x86_64; native/x86/build.sh)");
        } else {
            Optional<Path> dir = NativeLibraryCache.extractToFirstWritable(loader, RESOURCE_FOLDER, PLATFORM.classifier(), List.of(SONAME),
                    attempts, where);
            if (dir.isPresent()) {
                KernelsLibrary l = tryCandidate(where, dir.get().resolve(SONAME), attempts);
                if (l != null) {
                    return l;
                }
            }
        }
        throw new NativeLibraryException("the x86_64 kernels (" + SONAME + ") could not be loaded; oneDNN's own kernels run instead. Tried:",
                attempts);
    }

    /** Loads the file in an arena of its own, checks it, and keeps it loaded or unloads it and records why. */
    private static KernelsLibrary tryCandidate(String source, Path file, List<String> attempts) {
        Arena arena = Arena.ofShared();
        boolean keep = false;
        try {
            SymbolLookup lookup = SymbolLookup.libraryLookup(file, arena);
            int abi = callInt(lookup, "efk_abi_version");
            if (abi != ABI_VERSION) {
                attempts.add(source + ": C ABI version " + abi + ", these bindings need " + ABI_VERSION);
                return null;
            }
            List<String> missing = BoundSymbols.functions(ARGFILE, List.of("efk_abi_version", "efk_cpu_supported")).stream()
                    .filter(s -> lookup.find(s).isEmpty()).toList();
            if (!missing.isEmpty()) {
                attempts.add(source + ": lacks the function(s) the bindings use: " + String.join(", ", missing));
                return null;
            }
            if (!BoundSymbols.bySonameFinds(lookup, SONAME, "efk_abi_version")) {
                attempts.add(source + ": its soname is not " + SONAME + ", so the bindings would not find it");
                return null;
            }
            KernelsLibrary l = new KernelsLibrary(file, callInt(lookup, "efk_cpu_supported") == 1);
            keep = true;
            return l;
        } catch (Throwable t) {
            attempts.add(source + ": " + t.getMessage());
            return null;
        } finally {
            if (!keep) {
                arena.close();
            }
        }
    }

    /** Calls an {@code int f(void)} of the candidate without touching the bindings. */
    private static int callInt(SymbolLookup lookup, String function) throws Throwable {
        return (int) Linker.nativeLinker().downcallHandle(lookup.findOrThrow(function), FunctionDescriptor.of(ValueLayout.JAVA_INT))
                .invokeExact();
    }
}
