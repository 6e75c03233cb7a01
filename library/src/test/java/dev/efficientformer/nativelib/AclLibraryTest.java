package dev.efficientformer.nativelib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("aarch64-emulated")
class AclLibraryTest {

    @Test
    void otherPlatformsAreRefusedAtOnceWithTheReason() {
        for (Platform p : new Platform[] {Platform.of("Linux", "amd64"), Platform.of("Mac OS X", "aarch64"), Platform.of("Windows 11", "amd64")}) {
            NativeLibraryException e = assertThrows(NativeLibraryException.class, () -> AclLibrary.loadOnce(p));
            assertEquals("the Arm Compute Library backend runs on linux-arm64 only (Linux on 64-bit ARM: Raspberry Pi 4/5, "
                    + "Graviton, Ampere...); this JVM runs on " + p, e.getMessage());
            assertTrue(e.attempts().isEmpty(), "nothing is tried on " + p);
        }
    }

    @Test
    void theBindingsListEveryFunctionOfTheShim() {
        assertEquals(38, AclLibrary.requiredSymbols().size(), AclLibrary.requiredSymbols().toString());
        assertTrue(AclLibrary.requiredSymbols().contains("efacl_matmul_create"));
    }

    @Test
    void onArm64TheShimLoadsOnceAndIsFoundBySoname() {
        assumeTrue(Platform.current().equals(AclLibrary.PLATFORM), "the shim runs on linux-arm64 only");
        AclLibrary l = AclLibrary.load();
        assertTrue(l.version().startsWith("efficientformer_acl ") && l.version().contains("Arm Compute Library v24"), l.version());
        assertSame(l, AclLibrary.load(), "loaded once per JVM");
        // What the jextract-style bindings do at class initialisation must now succeed by soname.
        try (Arena a = Arena.ofConfined()) {
            assertTrue(SymbolLookup.libraryLookup(AclLibrary.SONAME, a).find("efacl_conv2d_create").isPresent());
        }
    }
}
