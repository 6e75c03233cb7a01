package dev.efficientformer.runtime;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Child JVM of {@link ThreadExhaustionTest}: lowers its own RLIMIT_NPROC to what this user already
 * runs (its own threads plus two sleeping processes), so that the next thread anyone of the user
 * starts fails, then asks both backends for a two-thread team on a thread that has none yet. Prints
 * one line per outcome; exits 0 when it got to the end (libgomp's {@code exit()} would end it
 * first, with status 1).
 */
public final class ThreadExhaustionProbe {
    private static final int RLIMIT_NPROC = 6; // the same on x86_64 and aarch64 Linux

    private ThreadExhaustionProbe() {
    }

    public static void main(String[] args) throws Throwable {
        Path weights = Path.of(args[0]);
        EfficientFormerModel dnnl = EfficientFormerModel.load(weights, ModelOptions.defaults().withBackend("dnnl").withThreads(2));
        float[] image = new float[dnnl.inputFloatsPerImage()];
        long alone = threads();
        dnnl.predict(image);
        System.out.println("TEAM " + (threads() - alone) + " thread(s) started by the first two-thread run");

        CountDownLatch go = new CountDownLatch(1);
        // The second caller stays alive to the end: its exit would free a slot under the limit.
        CountDownLatch end = new CountDownLatch(1);
        CompletableFuture<String> other = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                go.await();
                dnnl.predict(image);
                other.complete("DNNL RAN");
            } catch (EfficientFormerException e) {
                other.complete("DNNL REFUSED " + e.getMessage());
            } catch (Throwable t) {
                other.complete("DNNL FAILED " + t);
            }
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "second-caller");
        caller.start();

        List<Process> sleepers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sleepers.add(new ProcessBuilder("sleep", "120").start());
        }
        long own = threads();
        setProcessLimit(own + 2);
        System.out.println("LIMIT " + (own + 2) + " with " + own + " threads here and 2 sleeping processes");
        // The process-only check passes: it cannot see the user's other processes.
        ThreadLimit.check(2);
        System.out.println("CHECK passed");

        go.countDown();
        System.out.println(other.get());
        // The thread whose team already runs keeps working.
        dnnl.predict(image);
        System.out.println("DNNL FIRST CALLER RAN");

        try (EfficientFormerModel java = EfficientFormerModel.load(weights, ModelOptions.defaults().withBackend("java").withThreads(2))) {
            java.predict(image);
            System.out.println("JAVA RAN");
        } catch (EfficientFormerException e) {
            System.out.println("JAVA REFUSED " + e.getMessage());
        }
        end.countDown();
        dnnl.close();
        for (Process p : sleepers) {
            p.destroy();
        }
        System.out.println("END");
    }

    private static long threads() {
        return ThreadLimit.threadsOfThisProcess(Path.of("/proc/self/status")).orElseThrow();
    }

    /** setrlimit(RLIMIT_NPROC, {soft, unchanged hard}) on this process. */
    private static void setProcessLimit(long soft) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle get = linker.downcallHandle(linker.defaultLookup().find("getrlimit").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        MethodHandle set = linker.downcallHandle(linker.defaultLookup().find("setrlimit").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        try (Arena a = Arena.ofConfined()) {
            MemorySegment limit = a.allocate(16, 8);
            if ((int) get.invokeExact(RLIMIT_NPROC, limit) != 0) {
                throw new IllegalStateException("getrlimit failed");
            }
            limit.set(ValueLayout.JAVA_LONG, 0, soft);
            if ((int) set.invokeExact(RLIMIT_NPROC, limit) != 0) {
                throw new IllegalStateException("setrlimit failed");
            }
        }
    }
}
