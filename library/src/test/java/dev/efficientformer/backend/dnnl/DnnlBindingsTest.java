package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.bindings.dnnl.dnnl_h;
import dev.efficientformer.bindings.dnnl.dnnl_version_t;
import dev.efficientformer.nativelib.DnnlLibrary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checked-in bindings against the loaded libdnnl.so.3: every symbol resolves, cheap calls work. */
class DnnlBindingsTest {

    @BeforeAll
    static void load() {
        DnnlLibrary.load();
    }

    private static List<String> argfile(String option) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = dnnl_h.class.getClassLoader().getResourceAsStream("META-INF/efficientformer/bindings/dnnl.argfile")) {
            assertTrue(in != null, "argfile resource present");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String[] p = line.strip().split("\\s+");
                if (p.length == 2 && p[0].equals(option)) {
                    out.add(p[1]);
                }
            }
        }
        return out;
    }

    @Test
    void everyBoundFunctionResolvesInTheLoadedLibrary() throws Exception {
        List<String> functions = argfile("--include-function");
        assertTrue(functions.size() >= 60, "argfile lists the bound functions: " + functions.size());
        for (String f : functions) {
            Method address = dnnl_h.class.getMethod(f + "$address");
            MemorySegment addr = (MemorySegment) address.invoke(null);
            assertNotEquals(0L, addr.address(), f);
        }
    }

    @Test
    void everyBoundConstantHasAValue() throws Exception {
        List<String> constants = argfile("--include-constant");
        assertTrue(constants.size() > 100, "constants listed: " + constants.size());
        for (String c : constants) {
            dnnl_h.class.getMethod(c).invoke(null);
        }
        assertEquals(0, dnnl_success());
        assertEquals(1, DNNL_ARG_SRC());
        assertEquals(17, DNNL_ARG_DST());
        assertEquals(12, DNNL_MAX_NDIMS());
    }

    @Test
    void reportsVersion313() {
        MemorySegment v = dnnl_version().reinterpret(dnnl_version_t.sizeof());
        assertEquals(3, dnnl_version_t.major(v));
        assertEquals(13, dnnl_version_t.minor(v));
    }

    @Test
    void createsAndDestroysACpuEngine() {
        assertTrue(dnnl_engine_get_count(dnnl_cpu()) >= 1);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            assertEquals(dnnl_success(), dnnl_engine_create(out, dnnl_cpu(), 0));
            MemorySegment engine = out.get(ValueLayout.ADDRESS, 0);
            assertNotEquals(0L, engine.address());
            MemorySegment kind = arena.allocate(ValueLayout.JAVA_INT);
            assertEquals(dnnl_success(), dnnl_engine_get_kind(engine, kind));
            assertEquals(dnnl_cpu(), kind.get(ValueLayout.JAVA_INT, 0));
            assertEquals(dnnl_success(), dnnl_engine_destroy(engine));
        }
    }

    @Test
    void roundTripsAMemoryDescriptor() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dims = arena.allocateFrom(ValueLayout.JAVA_LONG, 2, 3, 5, 7);
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            assertEquals(dnnl_success(), dnnl_memory_desc_create_with_tag(out, 4, dims, dnnl_f32(), dnnl_nhwc()));
            MemorySegment md = out.get(ValueLayout.ADDRESS, 0);

            MemorySegment ndims = arena.allocate(ValueLayout.JAVA_INT);
            assertEquals(dnnl_success(), dnnl_memory_desc_query(md, dnnl_query_ndims_s32(), ndims));
            assertEquals(4, ndims.get(ValueLayout.JAVA_INT, 0));
            MemorySegment dtype = arena.allocate(ValueLayout.JAVA_INT);
            assertEquals(dnnl_success(), dnnl_memory_desc_query(md, dnnl_query_data_type(), dtype));
            assertEquals(dnnl_f32(), dtype.get(ValueLayout.JAVA_INT, 0));
            // dims and strides are returned as a pointer to the descriptor's own array.
            MemorySegment ptr = arena.allocate(ValueLayout.ADDRESS);
            assertEquals(dnnl_success(), dnnl_memory_desc_query(md, dnnl_query_dims(), ptr));
            MemorySegment got = ptr.get(ValueLayout.ADDRESS, 0).reinterpret(4 * 8);
            assertEquals(List.of(2L, 3L, 5L, 7L), List.of(got.getAtIndex(ValueLayout.JAVA_LONG, 0),
                    got.getAtIndex(ValueLayout.JAVA_LONG, 1), got.getAtIndex(ValueLayout.JAVA_LONG, 2), got.getAtIndex(ValueLayout.JAVA_LONG, 3)));
            assertEquals(dnnl_success(), dnnl_memory_desc_query(md, dnnl_query_strides(), ptr));
            MemorySegment strides = ptr.get(ValueLayout.ADDRESS, 0).reinterpret(4 * 8);
            assertEquals(3L, strides.getAtIndex(ValueLayout.JAVA_LONG, 3), "nhwc: w stride is C");
            assertEquals(1L, strides.getAtIndex(ValueLayout.JAVA_LONG, 1), "nhwc: channels innermost");
            assertEquals(2L * 3 * 5 * 7 * 4, dnnl_memory_desc_get_size(md));

            MemorySegment cloneOut = arena.allocate(ValueLayout.ADDRESS);
            assertEquals(dnnl_success(), dnnl_memory_desc_clone(cloneOut, md));
            MemorySegment clone = cloneOut.get(ValueLayout.ADDRESS, 0);
            assertEquals(1, dnnl_memory_desc_equal(md, clone));
            MemorySegment otherOut = arena.allocate(ValueLayout.ADDRESS);
            assertEquals(dnnl_success(), dnnl_memory_desc_create_with_tag(otherOut, 4, dims, dnnl_f32(), dnnl_nchw()));
            MemorySegment other = otherOut.get(ValueLayout.ADDRESS, 0);
            assertFalse(dnnl_memory_desc_equal(md, other) == 1, "nchw differs from nhwc");
            assertEquals(dnnl_success(), dnnl_memory_desc_destroy(other));
            assertEquals(dnnl_success(), dnnl_memory_desc_destroy(clone));
            assertEquals(dnnl_success(), dnnl_memory_desc_destroy(md));
        }
    }
}
