package dev.efficientformer.nativelib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two checks every loader makes of a candidate library before the jextract bindings touch it:
 * that it exports the functions the bindings' argfile lists, and that the bindings' own lookup by
 * soname finds this same library (jextract's header classes look libraries up by name).
 *
 * <p>Thread-safety: stateless.
 */
final class BoundSymbols {
    private BoundSymbols() {
    }

    /**
     * The functions an argfile on the class path binds ({@code --include-function} lines), or
     * {@code fallback} when the argfile is not on the class path.
     */
    static List<String> functions(String argfileResource, List<String> fallback) {
        try (InputStream in = BoundSymbols.class.getClassLoader().getResourceAsStream(argfileResource)) {
            if (in == null) {
                return fallback;
            }
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && parts[0].equals("--include-function")) {
                    out.add(parts[1]);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + argfileResource, e);
        }
    }

    /** Whether looking {@code soname} up, as the bindings do, finds {@code symbol} where {@code lookup} does. */
    static boolean bySonameFinds(SymbolLookup lookup, String soname, String symbol) {
        try (Arena probe = Arena.ofConfined()) {
            Optional<MemorySegment> viaSoname = SymbolLookup.libraryLookup(soname, probe).find(symbol);
            return viaSoname.isPresent() && viaSoname.get().address() == lookup.find(symbol).orElseThrow().address();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
