package dev.efficientformer.weights;

import dev.efficientformer.Limits;
import dev.efficientformer.tensor.Layout;
import dev.efficientformer.tensor.Tensor;
import dev.efficientformer.weights.torch.RebuiltTensor;
import dev.efficientformer.weights.torch.RestrictedUnpickler;
import dev.efficientformer.weights.torch.StateDictLocator;
import dev.efficientformer.weights.torch.StorageRef;
import dev.efficientformer.weights.torch.TensorPlacement;
import dev.efficientformer.weights.torch.ZipArchive;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A PyTorch checkpoint in the zip format that {@code torch.save} has written since PyTorch 1.6,
 * read without Python and without running any of the file's code.
 *
 * <p>The archive's {@code <name>/data.pkl} is interpreted by {@link RestrictedUnpickler}, which
 * accepts only tensors, storages and ordered dicts. The state dict is taken from the top-level
 * {@code 'model'} or {@code 'state_dict'} entry, or is the top-level dict itself when it holds only
 * tensors (see {@link StateDictLocator}). Tensor data stays in the memory-mapped file: a tensor
 * stored row-major is a view of its {@code <name>/data/<key>} entry; one with other strides is
 * copied once, on first access, into memory owned by this checkpoint. Keys are the file's own;
 * {@code ModelFamily.withTimmNames} presents the original authors' names under timm's.
 *
 * <p>Everything the file says is validated when it is opened (zip structure, pickle, dtypes,
 * sizes, strides and offsets against the storages' bytes), so {@link #tensor(String)} cannot
 * fail on a malformed file.
 *
 * <p>Thread-safety: safe for concurrent use. Opening builds immutable metadata; tensors may be
 * requested from several threads at once. {@link #close()} may race with readers: the mapping
 * belongs to a shared arena, so a read after (or during) close throws
 * {@link IllegalStateException} rather than touching unmapped memory.
 */
public final class TorchCheckpoint implements WeightFile {
    /** What {@link #format()} returns. */
    public static final String FORMAT = "pytorch-zip";

    private static final String PICKLE = "data.pkl";

    /** One tensor: its metadata, where it lies, and the bytes of its storage. */
    private record Stored(TensorInfo info, TensorPlacement placement, MemorySegment storage) {
    }

    private final Path path;
    private final Arena arena;
    private final Map<String, Stored> tensors;
    private final List<String> names;
    private final Map<String, Tensor> copies = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private TorchCheckpoint(Path path, Arena arena, Map<String, Stored> tensors) {
        this.path = path;
        this.arena = arena;
        this.tensors = Collections.unmodifiableMap(tensors);
        this.names = List.copyOf(tensors.keySet());
    }

    /**
     * Opens and validates a checkpoint.
     *
     * @throws CheckpointException naming the file and the problem when it is not a readable zip
     *     checkpoint, names a global outside the allowlist, has no state dict, or describes a
     *     tensor its storages cannot hold
     */
    public static TorchCheckpoint open(Path path) {
        Objects.requireNonNull(path, "path");
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new CheckpointException("cannot map " + path + ": checkpoint tensors are little-endian and this"
                    + " platform is not");
        }
        Arena arena = Arena.ofShared();
        try {
            MemorySegment file;
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            } catch (IOException e) {
                throw new CheckpointException("cannot read " + path + ": " + e.getMessage(), e);
            }
            return read(path, file, arena);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /**
     * Validates a checkpoint held in {@code file} (a mapping or any other segment); the result
     * owns {@code arena} and closes it when closed. {@code path} is only used in messages. For
     * the fuzz tests, which feed bytes without a file.
     */
    static TorchCheckpoint read(Path path, MemorySegment file, Arena arena) {
        return new TorchCheckpoint(path, arena, readTensors(path, file, arena));
    }

    private static Map<String, Stored> readTensors(Path path, MemorySegment file, Arena arena) {
        ZipArchive zip = parseArchive(path, file);
        ZipArchive.Entry pickle = findPickle(zip);
        String archive = pickle.name().substring(0, pickle.name().length() - PICKLE.length());
        checkByteOrder(zip, archive);

        MemorySegment pickleBytes = zip.storedData(pickle);
        if (Limits.PICKLE_BYTES.isExceededBy(pickleBytes.byteSize())) {
            throw new CheckpointException(path + ": " + Limits.PICKLE_BYTES.exceeded(
                    pickle.name() + " of " + pickleBytes.byteSize() + " bytes", pickleBytes.byteSize()));
        }
        Object root = RestrictedUnpickler.unpickle(pickleBytes.toArray(ValueLayout.JAVA_BYTE),
                path + " (" + pickle.name() + ")");
        Map<String, RebuiltTensor> stateDict = StateDictLocator.locate(root, path.toString());
        if (Limits.CHECKPOINT_TENSORS.isExceededBy(stateDict.size())) {
            throw new CheckpointException(path + ": " + Limits.CHECKPOINT_TENSORS.exceeded(
                    "state dict of " + stateDict.size() + " tensors", stateDict.size()));
        }

        Map<String, StorageRef> storages = new HashMap<>();
        Map<String, Stored> out = new LinkedHashMap<>();
        long totalBytes = 0;
        for (Map.Entry<String, RebuiltTensor> e : stateDict.entrySet()) {
            String name = e.getKey();
            StorageRef storage = e.getValue().storage();
            StorageRef earlier = storages.putIfAbsent(storage.key(), storage);
            if (earlier != null && !earlier.equals(storage)) {
                throw new CheckpointException("storage '" + storage.key() + "' of " + path
                        + " is described twice, differently (" + earlier + " and " + storage + ")");
            }
            String entryName = archive + "data/" + storage.key();
            ZipArchive.Entry entry = zip.find(entryName).orElseThrow(() -> new CheckpointException("tensor '" + name
                    + "' in " + path + " uses storage '" + storage.key() + "', but the archive has no entry '"
                    + entryName + "'"));
            MemorySegment bytes = zip.storedData(entry);
            TensorPlacement placement = TensorPlacement.check(name, e.getValue(), bytes.byteSize(), path.toString());
            // Logical sizes, not stored ones: zero strides can show a one-element storage as a
            // huge tensor, which tensor() would copy out.
            totalBytes += placement.byteSize();
            if (Limits.CHECKPOINT_TOTAL_BYTES.isExceededBy(totalBytes)) {
                throw new CheckpointException(path + ": " + Limits.CHECKPOINT_TOTAL_BYTES.exceeded(
                        "tensors of " + totalBytes + " bytes or more", totalBytes));
            }
            out.put(name, new Stored(new TensorInfo(name, placement.dtype(), placement.shape()), placement, bytes));
        }
        return out;
    }

    private static ZipArchive parseArchive(Path path, MemorySegment file) {
        long maxEntries = Limits.CHECKPOINT_TENSORS.value() + Limits.EXTRA_ZIP_ENTRIES;
        try {
            return ZipArchive.parse(path, file, maxEntries, n -> "it has " + n + " entries, more than one per tensor"
                    + " plus " + Limits.EXTRA_ZIP_ENTRIES + " within the tensor count limit of "
                    + Limits.CHECKPOINT_TENSORS.value() + " tensors " + Limits.CHECKPOINT_TENSORS.raiseHint(n));
        } catch (CheckpointException e) {
            if (startsWithPickle(file)) {
                throw new CheckpointException(path + " is a legacy PyTorch checkpoint (written before PyTorch 1.6,"
                        + " or with _use_new_zipfile_serialization=False), which is not supported: re-save it with"
                        + " torch.save in a current PyTorch", e);
            }
            throw e;
        }
    }

    /** The legacy format is a bare pickle: PROTO then a protocol number. */
    private static boolean startsWithPickle(MemorySegment file) {
        if (file.byteSize() < 2) {
            return false;
        }
        int proto = file.get(ValueLayout.JAVA_BYTE, 0) & 0xFF;
        int version = file.get(ValueLayout.JAVA_BYTE, 1);
        return proto == 0x80 && version >= 2 && version <= 5;
    }

    /** The single {@code <archive>/data.pkl}; torch names the archive folder after the file, or "archive". */
    private static ZipArchive.Entry findPickle(ZipArchive zip) {
        List<ZipArchive.Entry> found = new ArrayList<>();
        for (ZipArchive.Entry e : zip.entries()) {
            int slash = e.name().indexOf('/');
            if (slash > 0 && e.name().substring(slash + 1).equals(PICKLE)) {
                found.add(e);
            }
        }
        if (found.size() == 1) {
            return found.getFirst();
        }
        if (found.isEmpty()) {
            List<String> shown = zip.entries().stream().limit(5).map(ZipArchive.Entry::name).toList();
            throw new CheckpointException(zip.path() + " is a zip without '<archive>/" + PICKLE
                    + "', so not a checkpoint written by torch.save (its entries start with " + shown + ")");
        }
        throw new CheckpointException(zip.path() + " has several " + PICKLE + " entries ("
                + found.stream().map(ZipArchive.Entry::name).toList() + "): which one holds the weights is ambiguous");
    }

    private static void checkByteOrder(ZipArchive zip, String archive) {
        var entry = zip.find(archive + "byteorder");
        if (entry.isEmpty()) {
            return; // written before PyTorch 1.13, always little-endian
        }
        MemorySegment bytes = zip.storedData(entry.get());
        String order = bytes.byteSize() > 16 ? "(" + bytes.byteSize() + " bytes)"
                : new String(bytes.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII).strip();
        if (!order.equals("little")) {
            throw new CheckpointException(zip.path() + " was saved with byte order '" + order
                    + "'; only little-endian checkpoints are supported");
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    @Override
    public TensorInfo info(String name) {
        return stored(name).info();
    }

    @Override
    public Tensor tensor(String name) {
        Stored s = stored(name);
        if (closed.get()) {
            throw new IllegalStateException(path + " is closed");
        }
        TensorPlacement p = s.placement();
        if (p.isContiguous()) {
            return Tensor.wrap(s.storage().asSlice(p.byteOffset(), p.byteSize()), p.dtype(), Layout.ROW_MAJOR, p.shape());
        }
        return copies.computeIfAbsent(name, n -> {
            Tensor copy = Tensor.allocate(arena, p.dtype(), Layout.ROW_MAJOR, p.shape());
            p.copyRowMajor(s.storage(), copy.segment());
            return copy;
        });
    }

    private Stored stored(String name) {
        Stored s = tensors.get(name);
        if (s == null) {
            throw new CheckpointException("no tensor '" + name + "' in " + path);
        }
        return s;
    }

    /** Unmaps the file and frees copied tensors. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            copies.clear();
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "TorchCheckpoint[" + path + ", " + names.size() + " tensors]";
    }
}
