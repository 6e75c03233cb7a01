package dev.efficientformer.nativelib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A library load runs once: later calls get the same library, or the same failure, without retrying. */
class LoadOnceTest {

    @Test
    void successIsKept() {
        AtomicInteger calls = new AtomicInteger();
        Object lib = new Object();
        LoadOnce<Object> once = new LoadOnce<>(() -> {
            calls.incrementAndGet();
            return lib;
        });
        assertSame(lib, once.get());
        assertSame(lib, once.get());
        assertEquals(1, calls.get());
    }

    @Test
    void failureIsRememberedNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        LoadOnce<Object> once = new LoadOnce<>(() -> {
            calls.incrementAndGet();
            throw new NativeLibraryException("nope", List.of("here: missing"));
        });
        NativeLibraryException first = assertThrows(NativeLibraryException.class, once::get);
        NativeLibraryException second = assertThrows(NativeLibraryException.class, once::get);
        assertSame(first, second);
        assertEquals(1, calls.get());
    }
}
