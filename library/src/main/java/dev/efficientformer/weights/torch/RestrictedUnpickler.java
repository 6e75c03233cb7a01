package dev.efficientformer.weights.torch;

import static dev.efficientformer.weights.torch.PickleOpcodes.*;

import dev.efficientformer.Limits;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.torch.AllowedGlobals.Callable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pickle interpreter for exactly what {@code torch.save} writes for a state dict, and nothing
 * that could run code.
 *
 * <p>Python's unpickler imports and calls whatever a file names, so loading an untrusted
 * {@code .pth} with it runs the file's author's code. This one executes a fixed subset of
 * protocol 2-5 opcodes, resolves only the globals in {@link AllowedGlobals} (collections.OrderedDict,
 * torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter and torch's storage classes) to
 * Java values, and applies REDUCE only to those callables, implemented here. Any other global is
 * refused at the opcode that names it, before it could be used.
 *
 * <p>Results are plain Java values: {@code str} is {@link String}, {@code int} {@link Long},
 * {@code float} {@link Double}, {@code bool} {@link Boolean}, {@code bytes} {@code byte[]},
 * {@code None} {@code null}, {@code list} {@link ArrayList}, {@code tuple} {@link PickleTuple},
 * {@code dict} and {@code OrderedDict} {@link LinkedHashMap}, a persistent id {@link StorageRef} and a
 * rebuilt tensor {@link RebuiltTensor}.
 *
 * <p>Stack, memo, string and integer sizes are bounded by the pickle's length and by fixed limits;
 * every malformed pickle (truncated, bad MARK, memo miss, wrong argument types) gives a
 * {@link CheckpointException} naming the source and the byte offset.
 *
 * <p>Thread-safety: {@link #unpickle} is safe from any thread; each call has its own state.
 */
public final class RestrictedUnpickler {
    /**
     * Default largest pickle accepted (a state dict's pickle is about 100 bytes per tensor); the
     * limit in force is {@link Limits#PICKLE_BYTES}.
     */
    public static final int MAX_PICKLE_BYTES = (int) Limits.PICKLE_BYTES.defaultValue();

    // torch.save batches SETITEMS by 1000, so its stack stays in the low thousands.
    static final int MAX_STACK = 1 << 20;
    // About eight memo entries per tensor in torch's output.
    static final int MAX_MEMO = 1 << 22;
    // Module and attribute names of the allowed globals are short; this only bounds the scan.
    static final int MAX_GLOBAL_LINE = 256;
    static final int MAX_RANK = 64;
    private static final int MAX_STORAGE_KEY = 64;

    private final byte[] in;
    private final String source;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final ArrayList<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new LinkedHashMap<>();
    // Every push and memo entry counts: that bounds the objects (and so the heap) a pickle can
    // build, which its length alone does not (EMPTY_LIST APPEND makes a list per two bytes).
    private final long maxValues = Limits.checkpointValues();
    private long values;
    private int pos;
    private int opcodeStart;

    private RestrictedUnpickler(byte[] pickle, String source) {
        this.in = pickle;
        this.source = source;
    }

    /**
     * Interprets a whole pickle and returns the object it builds.
     *
     * @param pickle the pickle's bytes
     * @param source where the bytes come from, for messages (a file and entry name)
     * @throws CheckpointException naming the source when the pickle is malformed, names a global
     *     outside the allowlist, or uses an opcode outside the supported subset
     */
    public static Object unpickle(byte[] pickle, String source) {
        Objects.requireNonNull(pickle, "pickle");
        Objects.requireNonNull(source, "source");
        if (Limits.PICKLE_BYTES.isExceededBy(pickle.length)) {
            throw new CheckpointException(source + ": " + Limits.PICKLE_BYTES.exceeded(pickle.length));
        }
        RestrictedUnpickler u = new RestrictedUnpickler(pickle, source);
        try {
            return u.run();
        } catch (CheckpointException e) {
            throw e;
        } catch (RuntimeException e) {
            // Every case above is meant to be checked explicitly; should one slip through, it is
            // still the file's fault and must surface as one, not as an internal error.
            throw u.malformed("internal check failed (" + e + ")", e);
        }
    }

    private Object run() {
        if (in.length == 0 || (in[0] & 0xFF) != PROTO) {
            throw malformed("it does not start with PROTO: not a protocol 2-5 pickle");
        }
        while (true) {
            opcodeStart = pos;
            int op = u8();
            switch (op) {
                case PROTO -> {
                    int version = u8();
                    if (version < 2 || version > 5) {
                        throw malformed("protocol " + version + " is not supported (2 to 5 are)");
                    }
                }
                case FRAME -> length(u64(), "frame");
                case STOP -> {
                    return stop();
                }
                case MARK -> {
                    requireStackRoom();
                    marks.add(stack.size());
                }
                case EMPTY_DICT -> push(new LinkedHashMap<Object, Object>());
                case EMPTY_LIST -> push(new ArrayList<Object>());
                case EMPTY_TUPLE -> push(PickleTuple.EMPTY);
                case TUPLE -> push(new PickleTuple(popToMark()));
                case TUPLE1 -> push(new PickleTuple(popLast(1)));
                case TUPLE2 -> push(new PickleTuple(popLast(2)));
                case TUPLE3 -> push(new PickleTuple(popLast(3)));
                case LIST -> push(new ArrayList<>(popToMark()));
                case DICT -> {
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    putPairs(dict, popToMark());
                    push(dict);
                }
                case SETITEM -> {
                    List<Object> pair = popLast(2);
                    putPairs(dictOnTop(), pair);
                }
                case SETITEMS -> {
                    List<Object> pairs = popToMark();
                    putPairs(dictOnTop(), pairs);
                }
                case APPEND -> {
                    Object item = pop();
                    listOnTop().add(item);
                }
                case APPENDS -> {
                    List<Object> items = popToMark();
                    listOnTop().addAll(items);
                }
                case BININT -> push((long) s32());
                case BININT1 -> push((long) u8());
                case BININT2 -> push((long) u16());
                case LONG1 -> push(long1());
                case BINFLOAT -> push(Double.longBitsToDouble(u64BigEndian()));
                case NONE -> push(null);
                case NEWTRUE -> push(Boolean.TRUE);
                case NEWFALSE -> push(Boolean.FALSE);
                case SHORT_BINUNICODE -> push(utf8(u8()));
                case BINUNICODE -> push(utf8(u32()));
                case BINUNICODE8 -> push(utf8(u64()));
                case SHORT_BINBYTES -> push(bytes(u8()));
                case BINBYTES -> push(bytes(u32()));
                case BINPUT -> memoPut(u8());
                case LONG_BINPUT -> memoPut(u32());
                case MEMOIZE -> memoPut(memo.size());
                case BINGET -> push(memoGet(u8()));
                case LONG_BINGET -> push(memoGet(u32()));
                case GLOBAL -> {
                    String module = line();
                    String name = line();
                    push(AllowedGlobals.resolve(module, name, source));
                }
                case STACK_GLOBAL -> {
                    List<Object> moduleAndName = popLast(2);
                    push(AllowedGlobals.resolve(string(moduleAndName.get(0), "STACK_GLOBAL module"),
                            string(moduleAndName.get(1), "STACK_GLOBAL name"), source));
                }
                case REDUCE -> {
                    List<Object> callableAndArgs = popLast(2);
                    push(reduce(callableAndArgs.get(0), callableAndArgs.get(1)));
                }
                case BUILD -> {
                    Object state = pop();
                    build(peek(), state);
                }
                case BINPERSID -> push(persistentLoad(pop()));
                default -> throw malformed("unsupported opcode " + PickleOpcodes.describe(op)
                        + " (a state dict written by torch.save never needs it)");
            }
        }
    }

    private Object stop() {
        Object result = pop();
        if (!stack.isEmpty() || !marks.isEmpty()) {
            throw malformed("STOP leaves " + stack.size() + " values and " + marks.size() + " marks behind");
        }
        if (pos != in.length) {
            throw malformed((in.length - pos) + " bytes follow STOP");
        }
        return result;
    }

    // ---- calls: only the allowlisted callables, implemented here --------------------------------

    private Object reduce(Object callable, Object argsObject) {
        if (!(argsObject instanceof PickleTuple args)) {
            throw malformed("REDUCE arguments are a " + typeName(argsObject) + ", not a tuple");
        }
        if (!(callable instanceof Callable c)) {
            throw malformed("refusing REDUCE on a " + typeName(callable) + ": only collections.OrderedDict, "
                    + "torch._utils._rebuild_tensor_v2 and torch._utils._rebuild_parameter can be called");
        }
        return switch (c) {
            case ORDERED_DICT -> {
                if (args.size() != 0) {
                    throw malformed("OrderedDict called with " + args.size() + " arguments (torch.save passes none)");
                }
                yield new LinkedHashMap<Object, Object>();
            }
            case REBUILD_TENSOR_V2 -> rebuildTensor(args);
            case REBUILD_PARAMETER -> rebuildParameter(args);
        };
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private RebuiltTensor rebuildTensor(PickleTuple args) {
        String call = "_rebuild_tensor_v2";
        if (args.size() != 6 && args.size() != 7) {
            throw malformed(call + " called with " + args.size() + " arguments (6 or 7 expected)");
        }
        if (!(args.get(0) instanceof StorageRef storage)) {
            throw malformed(call + " argument 1 is a " + typeName(args.get(0)) + ", not a storage");
        }
        long offset = integer(args.get(1), call + " storage_offset");
        long[] size = integers(args.get(2), call + " size");
        long[] stride = integers(args.get(3), call + " stride");
        if (size.length != stride.length) {
            throw malformed(call + " has " + size.length + " sizes but " + stride.length + " strides");
        }
        if (!(args.get(4) instanceof Boolean)) {
            throw malformed(call + " requires_grad is a " + typeName(args.get(4)) + ", not a bool");
        }
        if (!(args.get(5) instanceof Map)) {
            throw malformed(call + " backward_hooks is a " + typeName(args.get(5)) + ", not a dict");
        }
        // metadata: tensor attributes such as names of a named tensor; nothing this reader uses.
        if (args.size() == 7 && args.get(6) != null && !(args.get(6) instanceof Map)) {
            throw malformed(call + " metadata is a " + typeName(args.get(6)) + ", not a dict");
        }
        return new RebuiltTensor(storage, offset, size, stride);
    }

    /** {@code _rebuild_parameter(data, requires_grad, backward_hooks)}: the parameter is its tensor. */
    private RebuiltTensor rebuildParameter(PickleTuple args) {
        if (args.size() != 3 || !(args.get(0) instanceof RebuiltTensor data)) {
            throw malformed("_rebuild_parameter needs (tensor, requires_grad, backward_hooks), got a tuple of "
                    + args.size() + (args.size() > 0 ? " starting with a " + typeName(args.get(0)) : ""));
        }
        return data;
    }

    /**
     * BUILD sets an object's state. torch.save only uses it for a state dict's {@code _metadata}
     * attribute (module versions), which the weights do not depend on.
     */
    private void build(Object target, Object state) {
        boolean stateIsAttributes = state == null || state instanceof Map
                || state instanceof PickleTuple t && t.size() == 2
                        && (t.get(0) == null || t.get(0) instanceof Map) && (t.get(1) == null || t.get(1) instanceof Map);
        if (!(target instanceof Map) || !stateIsAttributes) {
            throw malformed("BUILD of a " + typeName(target) + " from a " + typeName(state)
                    + " is not supported (only an OrderedDict's attributes are)");
        }
    }

    /**
     * torch's persistent id for a storage: {@code ('storage', storage_type, key, location, numel)}.
     * The legacy (pre-zip) format added a sixth element, view metadata; it has no place in a zip.
     */
    private StorageRef persistentLoad(Object pid) {
        if (!(pid instanceof PickleTuple t) || t.size() != 5 || !"storage".equals(t.get(0))) {
            throw malformed("persistent id is not ('storage', type, key, location, numel) but a "
                    + describeShape(pid));
        }
        if (!(t.get(1) instanceof StorageType type)) {
            throw malformed("persistent id names a " + typeName(t.get(1)) + " instead of a torch storage class");
        }
        String key = string(t.get(2), "storage key");
        if (!isStorageKey(key)) {
            throw malformed("storage key '" + AllowedGlobals.printable(key)
                    + "' is not 1 to " + MAX_STORAGE_KEY + " letters, digits or underscores");
        }
        String location = string(t.get(3), "storage location");
        long numel = integer(t.get(4), "storage numel");
        if (numel < 0) {
            throw malformed("storage '" + key + "' has a negative size " + numel);
        }
        return new StorageRef(type, key, location, numel);
    }

    private static boolean isStorageKey(String key) {
        if (key.isEmpty() || key.length() > MAX_STORAGE_KEY) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    // ---- stack, marks and memo --------------------------------------------------------------------

    private void push(Object value) {
        requireStackRoom();
        countValue();
        stack.add(value);
    }

    private void countValue() {
        if (++values > maxValues) {
            throw malformed(Limits.valuesExceeded("pickle", maxValues));
        }
    }

    private void requireStackRoom() {
        if (stack.size() + marks.size() >= MAX_STACK) {
            throw malformed("stack grows beyond " + MAX_STACK + " entries");
        }
    }

    private int floor() {
        return marks.isEmpty() ? 0 : marks.getLast();
    }

    private Object pop() {
        if (stack.size() <= floor()) {
            throw malformed("stack underflow");
        }
        return stack.removeLast();
    }

    private Object peek() {
        if (stack.size() <= floor()) {
            throw malformed("stack underflow");
        }
        return stack.getLast();
    }

    /** The top {@code n} values, bottom first, removed from the stack. */
    private List<Object> popLast(int n) {
        if (stack.size() - floor() < n) {
            throw malformed("stack underflow (" + n + " values needed)");
        }
        List<Object> tail = stack.subList(stack.size() - n, stack.size());
        List<Object> values = new ArrayList<>(tail);
        tail.clear();
        return values;
    }

    /** Everything above the most recent MARK, bottom first; the mark is consumed. */
    private List<Object> popToMark() {
        if (marks.isEmpty()) {
            throw malformed("no MARK before this opcode");
        }
        int mark = marks.removeLast();
        List<Object> tail = stack.subList(mark, stack.size());
        List<Object> values = new ArrayList<>(tail);
        tail.clear();
        return values;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOnTop() {
        Object top = peek();
        if (!(top instanceof Map)) {
            throw malformed("setting items on a " + typeName(top) + ", not a dict");
        }
        return (Map<Object, Object>) top;
    }

    @SuppressWarnings("unchecked")
    private List<Object> listOnTop() {
        Object top = peek();
        if (!(top instanceof ArrayList)) {
            throw malformed("appending to a " + typeName(top) + ", not a list");
        }
        return (List<Object>) top;
    }

    private void putPairs(Map<Object, Object> dict, List<Object> pairs) {
        if (pairs.size() % 2 != 0) {
            throw malformed("odd number of values (" + pairs.size() + ") for dict items");
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            Object key = pairs.get(i);
            // Scalar keys only: hashing a container could recurse through a cycle built with the memo.
            if (!(key == null || key instanceof String || key instanceof Long || key instanceof Boolean
                    || key instanceof Double)) {
                throw malformed("dict key is a " + typeName(key) + " (only str, int, float, bool and None are accepted)");
            }
            // One key type per dict (None aside): keys of one class compare with each other, so a
            // hash bin full of colliding keys becomes a balanced tree. Keys of different classes
            // with one hash cannot be ordered, and every insertion would search the whole bin:
            // quadratic work from a small file (160k colliding keys took 151 s).
            if (key != null && !dict.isEmpty()) {
                Object first = dict.keySet().iterator().next();
                if (first == null && dict.size() > 1) {
                    java.util.Iterator<Object> it = dict.keySet().iterator();
                    it.next();
                    first = it.next();
                }
                if (first != null && first.getClass() != key.getClass()) {
                    throw malformed("dict mixes " + typeName(first) + " and " + typeName(key)
                            + " keys (a checkpoint's dicts have keys of one type)");
                }
            }
            dict.put(key, pairs.get(i + 1));
        }
    }

    private void memoPut(long index) {
        if (memo.size() >= MAX_MEMO && !memo.containsKey(index)) {
            throw malformed("memo grows beyond " + MAX_MEMO + " entries");
        }
        countValue();
        memo.put(index, peek());
    }

    private Object memoGet(long index) {
        if (!memo.containsKey(index)) {
            throw malformed("memo index " + index + " was never stored (memo has " + memo.size() + " entries)");
        }
        return memo.get(index);
    }

    // ---- reading the byte stream --------------------------------------------------------------------

    private int u8() {
        need(1);
        return in[pos++] & 0xFF;
    }

    private int u16() {
        need(2);
        int v = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    private int s32() {
        need(4);
        int v = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8 | (in[pos + 2] & 0xFF) << 16 | (in[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    private long u32() {
        return Integer.toUnsignedLong(s32());
    }

    /** An unsigned 64-bit length; values beyond a long are reported as such, never wrapped. */
    private long u64() {
        need(8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (in[pos + i] & 0xFF);
        }
        pos += 8;
        if (v < 0) {
            throw malformed("length " + Long.toUnsignedString(v) + " exceeds the pickle");
        }
        return v;
    }

    private long u64BigEndian() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (in[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    /** LONG1: a little-endian two's-complement integer of up to 8 bytes (larger ones never occur in a state dict). */
    private long long1() {
        int n = u8();
        if (n > 8) {
            throw malformed("integer of " + n + " bytes does not fit in 64 bits");
        }
        need(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (in[pos + i] & 0xFF);
        }
        if (n > 0 && n < 8 && (in[pos + n - 1] & 0x80) != 0) {
            v |= -1L << (8 * n);
        }
        pos += n;
        return v;
    }

    private int length(long n, String what) {
        if (n > in.length - pos) {
            throw malformed(what + " of " + n + " bytes runs past the end of the pickle");
        }
        return (int) n;
    }

    private void need(int n) {
        if (in.length - pos < n) {
            throw malformed("truncated: " + n + " more bytes needed");
        }
    }

    private String utf8(long n) {
        int len = length(n, "string");
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in, pos, len))
                    .toString();
            pos += len;
            return s;
        } catch (CharacterCodingException e) {
            throw malformed("string is not UTF-8");
        }
    }

    private byte[] bytes(long n) {
        int len = length(n, "bytes");
        byte[] b = new byte[len];
        System.arraycopy(in, pos, b, 0, len);
        pos += len;
        return b;
    }

    /** A newline-terminated ASCII line, as GLOBAL's module and name are written. */
    private String line() {
        int start = pos;
        while (true) {
            int c = u8();
            if (c == '\n') {
                return new String(in, start, pos - 1 - start, StandardCharsets.US_ASCII);
            }
            if (c < 0x20 || c >= 0x7f) {
                throw malformed("GLOBAL name contains byte " + String.format("0x%02x", c));
            }
            if (pos - start > MAX_GLOBAL_LINE) {
                throw malformed("GLOBAL name is longer than " + MAX_GLOBAL_LINE + " bytes");
            }
        }
    }

    // ---- typed access to values --------------------------------------------------------------------

    private String string(Object value, String what) {
        if (!(value instanceof String s)) {
            throw malformed(what + " is a " + typeName(value) + ", not a str");
        }
        return s;
    }

    private long integer(Object value, String what) {
        if (!(value instanceof Long l)) {
            throw malformed(what + " is a " + typeName(value) + ", not an int");
        }
        return l;
    }

    private long[] integers(Object value, String what) {
        if (!(value instanceof PickleTuple t)) {
            throw malformed(what + " is a " + typeName(value) + ", not a tuple");
        }
        if (t.size() > MAX_RANK) {
            throw malformed(what + " has " + t.size() + " dimensions (at most " + MAX_RANK + ")");
        }
        long[] out = new long[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(t.get(i), what + "[" + i + "]");
        }
        return out;
    }

    private static String describeShape(Object value) {
        if (value instanceof PickleTuple t) {
            return "tuple of " + t.size() + (t.size() > 0 ? " starting with a " + typeName(t.get(0)) : "");
        }
        return typeName(value);
    }

    /** Python's name for the type of an unpickled value, for messages. Never prints contents. */
    public static String typeName(Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> "str";
            case Long l -> "int";
            case Double d -> "float";
            case Boolean b -> "bool";
            case byte[] b -> "bytes";
            case Map<?, ?> m -> "dict";
            case List<?> l -> "list";
            case PickleTuple t -> "tuple";
            case StorageRef s -> "storage";
            case RebuiltTensor t -> "tensor";
            case StorageType t -> "storage class torch." + t.className();
            case Callable c -> "function " + c;
            default -> value.getClass().getSimpleName();
        };
    }

    private CheckpointException malformed(String problem) {
        return new CheckpointException("malformed pickle in " + source + " at offset " + opcodeStart + ": " + problem);
    }

    private CheckpointException malformed(String problem, Throwable cause) {
        return new CheckpointException("malformed pickle in " + source + " at offset " + opcodeStart + ": " + problem,
                cause);
    }
}
