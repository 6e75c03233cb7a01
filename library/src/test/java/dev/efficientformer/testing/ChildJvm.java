package dev.efficientformer.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a fresh JVM with this test JVM's class path, for per-JVM state like library loading. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** What a child JVM printed and how it ended. */
    public record Result(int exitCode, String output) {
    }

    /** Starts {@code mainClass} with extra JVM options and arguments, waits up to 120 s (600 s under qemu). */
    public static Result run(String classPath, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        return runUnder(List.of(), classPath, jvmOptions, mainClass, args);
    }

    /**
     * Like {@link #run}, with the java command started through {@code launcher} (e.g. {@code setpriv}
     * with its options, to run the child as another user).
     */
    public static Result runUnder(List<String> launcher, String classPath, List<String> jvmOptions, Class<?> mainClass,
                                  String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(launcher);
        // native/test-aarch64.sh --no-binfmt: an arm64 java cannot be exec'd directly, only
        // through its qemu wrapper, which it names here.
        String java = System.getProperty("efficientformer.test.child.java");
        cmd.add(java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        // A child runs like its parent: under qemu the test JVM is limited to C1
        // (native/test-aarch64.sh), and an emulated C2 would make every child slow to start.
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:TieredStopAtLevel=")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        int limit = System.getenv("QEMU_CPU") == null ? 120 : 600;
        if (!p.waitFor(limit, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child JVM " + mainClass.getSimpleName() + " did not finish in " + limit + " s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** What a child JVM wrote to standard output and standard error, kept apart, and its exit code. */
    public record Output(int exitCode, String stdout, String stderr) {
        /** Both streams, for failure messages. */
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
        }
    }

    /**
     * Starts {@code mainClass} like {@link #run} but keeps standard error apart (to check that an
     * error is exactly one line), with a timeout of its own.
     */
    public static Output runSeparately(String classPath, List<String> jvmOptions, long timeoutSeconds, Class<?> mainClass,
                                       String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        Path out = java.nio.file.Files.createTempFile("child-jvm", ".out");
        Path err = java.nio.file.Files.createTempFile("child-jvm", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("child JVM " + mainClass.getSimpleName() + " did not finish in "
                        + timeoutSeconds + " s; output so far:\n" + java.nio.file.Files.readString(out)
                        + java.nio.file.Files.readString(err));
            }
            return new Output(p.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }

    /** This JVM's class path. */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }
}
