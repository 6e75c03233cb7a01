package dev.efficientformer.nativelib;

import java.util.Locale;

/**
 * The operating system and CPU this JVM runs on, named the way native-library jars name their
 * folders ({@code linux-x86_64}, {@code linux-arm64}).
 *
 * <p>Thread-safety: immutable.
 *
 * @param os {@code linux}, or the {@code os.name} of an unsupported system
 * @param arch {@code x86_64} or {@code arm64}, or the {@code os.arch} of an unsupported CPU
 */
public record Platform(String os, String arch) {

    /** The platform of this JVM. */
    public static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** A platform from {@code os.name} and {@code os.arch} values. */
    public static Platform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT).startsWith("linux") ? "linux" : osName;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch;
        };
        return new Platform(os, arch);
    }

    /** Whether the bundled native libraries exist for this platform. */
    public boolean isSupported() {
        return os.equals("linux") && (arch.equals("x86_64") || arch.equals("arm64"));
    }

    /** The folder name used by native-library jars, e.g. {@code linux-x86_64}. */
    public String classifier() {
        return os + "-" + arch;
    }

    @Override
    public String toString() {
        return classifier();
    }
}
