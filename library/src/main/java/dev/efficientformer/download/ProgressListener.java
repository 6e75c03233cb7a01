package dev.efficientformer.download;

/**
 * Receives the progress of one download. {@link WeightDownloader} calls it only from the thread
 * that called {@code download}, at most about ten times a second, so implementations need no
 * synchronization and may print directly.
 *
 * <p>Only {@link #progress} is abstract, so a lambda is a listener.
 *
 * <p>Thread-safety: called from one thread at a time; implementations decide their own.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * The server answered and bytes are about to flow.
     *
     * @param label what is downloaded, e.g. the model name
     * @param resumedFrom bytes already on disk from an earlier attempt (0 for a fresh download)
     * @param totalBytes size of the whole file, or -1 when the server did not say
     */
    default void started(String label, long resumedFrom, long totalBytes) {
    }

    /**
     * Bytes of the whole file now on disk.
     *
     * @param doneBytes bytes on disk, counting any resumed prefix
     * @param totalBytes size of the whole file, or -1 when unknown
     */
    void progress(long doneBytes, long totalBytes);

    /** The file is complete, verified (where possible) and in place. */
    default void finished(long totalBytes) {
    }

    /** A note worth showing to a person, such as a file that could not be verified. One line. */
    default void message(String line) {
    }
}
