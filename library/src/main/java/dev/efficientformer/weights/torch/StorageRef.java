package dev.efficientformer.weights.torch;

/**
 * A storage named by a pickle's persistent id: {@code ('storage', torch.FloatStorage, '0', 'cpu', 108)}.
 * Its bytes are the archive entry {@code <archive>/data/<key>}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param type the storage class, which fixes the element type
 * @param key the entry name under {@code data/}
 * @param location the device it was saved from ({@code "cpu"}, {@code "cuda:0"}); ignored on load
 * @param elementCount the storage's length in elements
 */
public record StorageRef(StorageType type, String key, String location, long elementCount) {
}
