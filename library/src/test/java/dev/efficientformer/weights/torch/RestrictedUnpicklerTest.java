package dev.efficientformer.weights.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.weights.CheckpointException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestrictedUnpicklerTest {
    private static final String SOURCE = "hostile.pth (archive/data.pkl)";

    private static CheckpointException rejected(byte[] pickle, String fragment) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> RestrictedUnpickler.unpickle(pickle, SOURCE));
        assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
        assertTrue(e.getMessage().contains(SOURCE), () -> "message lacks the source: " + e.getMessage());
        return e;
    }

    @ParameterizedTest
    @CsvSource({"os,system", "posix,system", "nt,system", "builtins,eval", "builtins,exec", "__builtin__,eval",
            "subprocess,Popen", "subprocess,check_output", "torch.storage,_load_from_bytes", "numpy.core.multiarray,_reconstruct",
            "numpy,dtype", "argparse,Namespace", "torch,load", "torch._utils,_rebuild_qtensor", "collections,defaultdict",
            "torch,UntypedStorage"})
    void refusesEveryOtherGlobalNamedByGlobal(String module, String name) {
        byte[] pickle = new PickleWriter().proto(2).global(module, name).str("touch /tmp/pwned").raw(0x85).reduce().stop().bytes();
        rejected(pickle, "refusing to load global '" + module + " " + name + "' from " + SOURCE
                + ": only tensors, storages and ordered dicts are allowed");
    }

    @ParameterizedTest
    @CsvSource({"builtins,eval", "os,system", "posix,system", "subprocess,run"})
    void refusesEveryOtherGlobalNamedByStackGlobal(String module, String name) {
        byte[] pickle = new PickleWriter().proto(4).stackGlobal(module, name).shortStr("1+1").raw(0x85).reduce().stop().bytes();
        rejected(pickle, "refusing to load global '" + module + " " + name + "'");
    }

    @Test
    void refusesTheGlobalBeforeLookingAtLaterBytes() {
        // The opcode after the global is garbage: the refusal must come first, naming the global.
        byte[] pickle = new PickleWriter().proto(2).global("os", "system").raw(0xff).bytes();
        rejected(pickle, "refusing to load global 'os system'");
    }

    @Test
    void refusesReduceOnAnythingButTheAllowedCallables() {
        byte[] onString = new PickleWriter().proto(2).str("os.system").str("id").raw(0x85).reduce().stop().bytes();
        rejected(onString, "refusing REDUCE on a str");
        byte[] onStorageClass = new PickleWriter().proto(2).global("torch", "FloatStorage").raw(')').reduce().stop().bytes();
        rejected(onStorageClass, "refusing REDUCE on a storage class torch.FloatStorage");
        byte[] onDict = new PickleWriter().proto(2).raw('}').raw(')').reduce().stop().bytes();
        rejected(onDict, "refusing REDUCE on a dict");
    }

    @Test
    void refusesUnknownOpcodesByName() {
        rejected(new PickleWriter().proto(2).raw('i').bytes(), "unsupported opcode 0x69 'i' INST");
        rejected(new PickleWriter().proto(2).raw(0x81).bytes(), "unsupported opcode 0x81 NEWOBJ");
        rejected(new PickleWriter().proto(2).raw('P').bytes(), "unsupported opcode 0x50 'P' PERSID");
        rejected(new PickleWriter().proto(2).raw(0xff).bytes(), "unsupported opcode 0xff (not a pickle opcode)");
    }

    @Test
    void rejectsMalformedPickles() {
        rejected(new byte[0], "not a protocol 2-5 pickle");
        rejected(new PickleWriter().raw('N', '.').bytes(), "not a protocol 2-5 pickle");
        rejected(new PickleWriter().proto(1).raw('N', '.').bytes(), "protocol 1 is not supported");
        rejected(new PickleWriter().proto(2).raw('N').bytes(), "truncated");
        rejected(new PickleWriter().proto(2).raw('X', 10, 0, 0, 0, 'a').bytes(), "string of 10 bytes runs past the end");
        rejected(new PickleWriter().proto(4).raw(0x8d).le(-1L, 8).bytes(), "exceeds the pickle");
        rejected(new PickleWriter().proto(2).raw('K').bytes(), "truncated");
        rejected(new PickleWriter().proto(2).raw('N').get(7).stop().bytes(), "memo index 7 was never stored");
        rejected(new PickleWriter().proto(2).raw('N', 'N').tuple().stop().bytes(), "no MARK");
        rejected(new PickleWriter().proto(2).mark().raw(0x85).stop().bytes(), "stack underflow");
        rejected(new PickleWriter().proto(2).raw('.').bytes(), "stack underflow");
        rejected(new PickleWriter().proto(2).raw('N', 'N', '.').bytes(), "STOP leaves 1 values");
        rejected(new PickleWriter().proto(2).raw('N', '.', 'N').bytes(), "1 bytes follow STOP");
        rejected(new PickleWriter().proto(2).raw(']').str("k").str("v").raw('s').stop().bytes(), "not a dict");
        rejected(new PickleWriter().proto(2).raw('}').raw(']').raw('N').raw('s').stop().bytes(), "dict key is a list");
        rejected(new PickleWriter().proto(2).raw(0x8a, 9).le(0, 9).stop().bytes(), "does not fit in 64 bits");
        rejected(new PickleWriter().proto(2).raw('}').raw(']').raw('b').stop().bytes(), "BUILD of a dict from a list");
        rejected(new PickleWriter().proto(2).raw('c').raw('o', 's', 0, '\n').bytes(), "GLOBAL name contains byte 0x00");
        rejected(new PickleWriter().proto(4).raw(0x95).le(1000, 8).bytes(), "frame of 1000 bytes runs past the end");
    }

    @Test
    void rejectsMalformedTensorCalls() {
        byte[] wrongArgs = new PickleWriter().proto(2).global("torch._utils", "_rebuild_tensor_v2").ints(1, 2).reduce().stop().bytes();
        rejected(wrongArgs, "_rebuild_tensor_v2 called with 2 arguments");
        byte[] badPid = new PickleWriter().proto(2).mark().str("module").str("os").tuple().raw('Q').stop().bytes();
        rejected(badPid, "persistent id is not ('storage', type, key, location, numel)");
        byte[] badKey = new PickleWriter().proto(2).mark().str("storage").global("torch", "FloatStorage").str("../../etc")
                .str("cpu").integer(1).tuple().raw('Q').stop().bytes();
        rejected(badKey, "storage key '../../etc' is not");
        byte[] rankMismatch = new PickleWriter().proto(2)
                .tensor("FloatStorage", "0", 4, 0, new long[] {2, 2}, new long[] {2}).stop().bytes();
        rejected(rankMismatch, "has 2 sizes but 1 strides");
    }

    @Test
    void readsWhatTorchSaveWrites() {
        byte[] pickle = TorchZipWriter.modelPickle(w -> w.str("a.weight")
                .tensor("FloatStorage", "0", 6, 0, new long[] {2, 3}, new long[] {3, 1})
                .str("a.num_batches_tracked").tensor("LongStorage", "1", 1, 0, new long[0], new long[0]));
        Object root = RestrictedUnpickler.unpickle(pickle, SOURCE);
        Map<?, ?> top = assertInstanceOf(Map.class, root);
        Map<?, ?> model = assertInstanceOf(Map.class, top.get("model"));
        assertEquals(List.of("a.weight", "a.num_batches_tracked"), List.copyOf(model.keySet()));
        RebuiltTensor w = assertInstanceOf(RebuiltTensor.class, model.get("a.weight"));
        assertEquals(new StorageRef(StorageType.FLOAT, "0", "cpu", 6), w.storage());
        assertArrayEquals(new long[] {2, 3}, w.size());
        assertArrayEquals(new long[] {3, 1}, w.stride());
        RebuiltTensor n = assertInstanceOf(RebuiltTensor.class, model.get("a.num_batches_tracked"));
        assertSame(StorageType.LONG, n.storage().type());
        assertEquals(0, n.size().length);
    }

    @Test
    void readsProtocolFourFormsMetadataAndParameters() {
        PickleWriter w = new PickleWriter().proto(4).raw(0x95).le(0, 8); // an empty frame is still a frame
        w.raw('}').raw(0x94); // memo 0: the top dict
        w.shortStr("state_dict").stackGlobal("collections", "OrderedDict").raw(')').reduce().raw(0x94);
        w.shortStr("p").stackGlobal("torch._utils", "_rebuild_parameter");
        w.stackGlobal("torch._utils", "_rebuild_tensor_v2").mark();
        w.mark().shortStr("storage").stackGlobal("torch", "HalfStorage").shortStr("7").shortStr("cuda:0").integer(3)
                .tuple().raw('Q');
        w.integer(1).ints(2).ints(1).raw(0x88).orderedDict().raw('N').tuple().reduce(); // 7 args, metadata None
        w.raw(0x88).orderedDict().raw(0x87).reduce(); // (tensor, True, OrderedDict())
        w.raw('s');
        // state dicts carry _metadata as an attribute, set by BUILD
        w.raw('}').shortStr("_metadata").raw('}').shortStr("version").integer(1).raw('s', 's', 'b');
        w.raw('s');
        w.shortStr("numbers").mark().raw(0x8a, 1, 0xff).raw(0x8a, 2, 0x00, 0x80).raw('G').raw(0x3f, 0xf0, 0, 0, 0, 0, 0, 0)
                .raw('N', 0x89).raw('l').raw('s');
        w.stop();
        Object root = RestrictedUnpickler.unpickle(w.bytes(), SOURCE);
        Map<?, ?> top = assertInstanceOf(Map.class, root);
        Map<?, ?> sd = assertInstanceOf(Map.class, top.get("state_dict"));
        RebuiltTensor p = assertInstanceOf(RebuiltTensor.class, sd.get("p"));
        assertEquals(new StorageRef(StorageType.HALF, "7", "cuda:0", 3), p.storage());
        assertEquals(1, p.storageOffset());
        List<?> numbers = assertInstanceOf(List.class, top.get("numbers"));
        assertEquals(-1L, numbers.get(0));
        assertEquals(-32768L, numbers.get(1));
        assertEquals(1.0, numbers.get(2));
        assertNull(numbers.get(3));
        assertEquals(Boolean.FALSE, numbers.get(4));
    }

    /** Keys of two types in one dict are refused: colliding keys of different classes cost quadratic time. */
    @Test
    void aDictMixingKeyTypesIsRefused() {
        byte[] pickle = new PickleWriter().proto(2).raw('}').mark().shortStr("a").integer(1).integer(2).integer(3).raw('u').stop().bytes();
        rejected(pickle, "dict mixes str and int keys");
        byte[] noneFirst = new PickleWriter().proto(2).raw('}').mark().raw('N').integer(1).integer(2).integer(3).shortStr("b").integer(4)
                .raw('u').stop().bytes();
        rejected(noneFirst, "dict mixes int and str keys");
    }

    /**
     * 65536 str keys with one hash code (every string of 16 blocks "Aa" or "BB") load in a bounded
     * time: keys of one type order themselves in the hash bin.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void collidingKeysOfOneTypeLoadInBoundedTime() {
        PickleWriter w = new PickleWriter().proto(2).raw('}');
        int n = 1 << 16;
        for (int i = 0; i < n; i++) {
            if (i % 1000 == 0) {
                w.mark();
            }
            StringBuilder key = new StringBuilder();
            for (int bit = 15; bit >= 0; bit--) {
                key.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            }
            w.shortStr(key.toString()).integer(i);
            if (i % 1000 == 999 || i == n - 1) {
                w.raw('u');
            }
        }
        Map<?, ?> dict = assertInstanceOf(Map.class, RestrictedUnpickler.unpickle(w.stop().bytes(), SOURCE));
        assertEquals(n, dict.size());
        assertEquals("AaAaAaAaAaAaAaAa".repeat(2).hashCode(), "BBBBBBBBBBBBBBBB".repeat(2).hashCode());
    }
}
