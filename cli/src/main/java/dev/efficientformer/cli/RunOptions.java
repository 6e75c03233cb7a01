package dev.efficientformer.cli;

import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.JavaTier;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.ThreadPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import java.util.List;
import java.util.Locale;

/**
 * {@code --backend}, {@code --threads}, {@code --thread-policy}, {@code --java-tier} and
 * {@code --matmul-precision}, shared
 * by the subcommands that run a model. Bad values
 * are usage errors (exit 2), caught before anything is loaded.
 *
 * <p>Thread-safety: filled in by picocli, then read by the command's thread only.
 */
public final class RunOptions {
    /** The backends {@link ModelOptions} accepts. */
    static final List<String> BACKENDS = List.of("auto", "dnnl", "java", "acl");

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "auto", converter = BackendName.class,
            completionCandidates = BackendCandidates.class,
            description = "auto (x86_64: oneDNN where it loads, else pure Java; aarch64: acl, then dnnl, then java), "
                    + "dnnl, java or acl (Arm Compute Library, Linux aarch64). Default: ${DEFAULT-VALUE}.")
    String backend;

    // The CLI is one process doing one thing, so it may use every core (the library's default of
    // one thread is for services that run predictions side by side).
    @Option(names = "--threads", paramLabel = "T", description = "Threads per prediction. Default: the number of processors.")
    Integer threads;

    /** The threads to use: {@code --threads}, or every processor when it was not given. */
    int threads() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new ParameterException(mixee.commandLine(), "--threads must be at least 1, got " + threads);
        }
        return threads;
    }

    @Option(names = "--java-tier", paramLabel = "TIER",
            description = "Tier of the java backend: scalar (the plain reference loops) or vector (the Vector API kernels). "
                    + "Default: vector where the Vector API is available.")
    JavaTier javaTier;

    @Option(names = "--matmul-precision", paramLabel = "P", defaultValue = "highest", converter = PrecisionName.class,
            description = "highest (strict fp32 products) or high (dnnl on an AMX CPU: bf16x3 products, logits within 1e-4 "
                    + "of fp32, several times faster layers; needs the Vector API, which this launcher adds). "
                    + "Default: ${DEFAULT-VALUE}.")
    MatmulPrecision matmulPrecision;

    @Option(names = "--thread-policy", paramLabel = "POLICY", defaultValue = "adaptive",
            description = "adaptive (a prediction may use fewer threads when fewer were measured faster, as when another "
                    + "process holds a core) or fixed (always --threads). Default: ${DEFAULT-VALUE}.")
    ThreadPolicy threadPolicy;

    /** Model options with this backend, thread count and precision at image size {@code imageSize}. */
    ModelOptions modelOptions(int imageSize) {
        return new ModelOptions(backend, threads(), imageSize).withMatmulPrecision(matmulPrecision)
                .withJavaTier(javaTier == null ? JavaTier.AUTO : javaTier).withThreadPolicy(threadPolicy);
    }

    /** Parses a precision name; an unknown one is a usage error. */
    static final class PrecisionName implements ITypeConverter<MatmulPrecision> {
        @Override
        public MatmulPrecision convert(String value) {
            try {
                return MatmulPrecision.parse(value);
            } catch (dev.efficientformer.EfficientFormerException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Lower-cases and checks a backend name. */
    static final class BackendName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.toLowerCase(Locale.ROOT);
            if (!BACKENDS.contains(v)) {
                throw new TypeConversionException("unknown backend '" + value + "' (choose " + String.join(", ", BACKENDS) + ")");
            }
            return v;
        }
    }

    /** For shell completion and help. */
    static final class BackendCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BACKENDS.iterator();
        }
    }
}
