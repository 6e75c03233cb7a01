package dev.efficientformer.nativelib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Says why the dynamic linker would refuse a file, from its ELF header: the JDK's
 * {@code SymbolLookup.libraryLookup} reports only "Cannot open library", which leaves the user
 * guessing between a wrong architecture, a file that is not a library, and a missing dependency.
 *
 * <p>Thread-safety: stateless.
 */
final class ElfCheck {
    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;
    private static final int ET_DYN = 3;

    private ElfCheck() {
    }

    /**
     * Why {@code file} cannot be a shared library for {@code platform}, or empty when its header
     * looks right (then a dependency is missing or a symbol version is too new: {@code ldd} says).
     */
    static Optional<String> problem(Path file, Platform platform) {
        byte[] h = new byte[20];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(h, 0, h.length);
        } catch (IOException e) {
            return Optional.of("it cannot be read (" + e + ")");
        }
        if (n < 4 || h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F') {
            return Optional.of("it is not an ELF shared library (no ELF header), so not a Linux build of oneDNN");
        }
        if (n < h.length) {
            return Optional.of("it is a truncated ELF file (" + n + " bytes)");
        }
        boolean is64 = h[4] == 2;
        boolean little = h[5] == 1;
        int type = little ? (h[16] & 0xff) | (h[17] & 0xff) << 8 : (h[17] & 0xff) | (h[16] & 0xff) << 8;
        int machine = little ? (h[18] & 0xff) | (h[19] & 0xff) << 8 : (h[19] & 0xff) | (h[18] & 0xff) << 8;
        String fileArch = switch (machine) {
            case EM_X86_64 -> "x86_64";
            case EM_AARCH64 -> "arm64";
            case 3 -> "x86 (32-bit)";
            case 40 -> "arm (32-bit)";
            case 243 -> "riscv";
            case 21 -> "ppc64";
            case 22 -> "s390";
            default -> "ELF machine " + machine;
        };
        String wanted = platform.arch();
        if (!is64 || !little || !fileArch.equals(wanted)) {
            return Optional.of("it is built for " + fileArch + (is64 ? "" : ", 32-bit") + (little ? "" : ", big-endian")
                    + ", but this JVM runs on " + platform + ": use the " + DnnlLibrary.BUNDLE_ARTIFACT + ":"
                    + platform + " build");
        }
        if (type != ET_DYN) {
            return Optional.of("it is an ELF file of type " + type + ", not a shared library");
        }
        return Optional.empty();
    }
}
