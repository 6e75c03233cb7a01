package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;

import java.util.LinkedHashMap;
import java.util.Map;

/** The instruction set oneDNN dispatches to on this CPU, by name, for plan descriptions and benchmarks. */
final class DnnlIsa {
    private DnnlIsa() {
    }

    static String effective() {
        int isa = dnnl_get_effective_cpu_isa();
        Map<String, Integer> names = new LinkedHashMap<>();
        names.put("avx512_core_amx", dnnl_cpu_isa_avx512_core_amx());
        names.put("avx512_core_fp16", dnnl_cpu_isa_avx512_core_fp16());
        names.put("avx512_core_bf16", dnnl_cpu_isa_avx512_core_bf16());
        names.put("avx512_core_vnni", dnnl_cpu_isa_avx512_core_vnni());
        names.put("avx512_core", dnnl_cpu_isa_avx512_core());
        names.put("avx2_vnni", dnnl_cpu_isa_avx2_vnni());
        names.put("avx2", dnnl_cpu_isa_avx2());
        names.put("avx", dnnl_cpu_isa_avx());
        names.put("sse41", dnnl_cpu_isa_sse41());
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            if (e.getValue() == isa) {
                return e.getKey();
            }
        }
        return "isa 0x" + Integer.toHexString(isa);
    }

    /** Whether oneDNN dispatches to AVX2 kernels or better here. */
    static boolean hasAvx2() {
        return dispatchesTo(dnnl_cpu_isa_avx2());
    }

    /** Whether oneDNN dispatches to AVX-512 kernels here (at least {@code avx512_core}). */
    static boolean hasAvx512() {
        return dispatchesTo(dnnl_cpu_isa_avx512_core());
    }

    /** Whether oneDNN dispatches to AMX tiles here (bfloat16 products many times faster than fp32). */
    static boolean hasAmx() {
        return dispatchesTo(dnnl_cpu_isa_avx512_core_amx());
    }

    /** Whether the ISA oneDNN runs on includes every feature of {@code isa} (a {@code dnnl_cpu_isa_*} mask). */
    private static boolean dispatchesTo(int isa) {
        DnnlEngine.get(); // loads oneDNN: the bindings must not initialise before the library is there
        return (dnnl_get_effective_cpu_isa() & isa) == isa;
    }
}
