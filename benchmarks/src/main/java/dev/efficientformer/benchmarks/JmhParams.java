package dev.efficientformer.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * The defaults of JMH {@code @Param} fields, for the tools that set a benchmark up outside JMH
 * ({@link SideBySide}, {@link OrtOpProfile}) with the same files the JMH runs use.
 *
 * <p>Thread-safety: stateless.
 */
final class JmhParams {
    private JmhParams() {
    }

    /** The first (for these fields, the only) default value of {@code benchmark}'s public {@code @Param} field {@code field}. */
    static String defaultOf(Class<?> benchmark, String field) {
        try {
            return benchmark.getField(field).getAnnotation(Param.class).value()[0];
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(benchmark.getSimpleName() + " has no @Param field " + field, e);
        }
    }
}
