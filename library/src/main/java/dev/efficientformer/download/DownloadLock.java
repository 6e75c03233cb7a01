package dev.efficientformer.download;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive right to download one model: two writers appending to the same {@code .part} file
 * would interleave their bytes. A file lock keeps other processes out; it is held per JVM, so an
 * in-process lock keeps other threads of this JVM out (a second {@code FileChannel.lock} in the
 * same JVM would throw instead of waiting).
 *
 * <p>Thread-safety: {@link #acquire} is safe from any thread; each instance is closed by the
 * thread that acquired it.
 */
final class DownloadLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private DownloadLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Waits for the lock on {@code lockFile} (created if missing), telling {@code listener} when
     * someone else holds it.
     */
    static DownloadLock acquire(Path lockFile, String label, ProgressListener listener) throws IOException, InterruptedException {
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), k -> new ReentrantLock());
        if (!threadLock.tryLock()) {
            listener.message("waiting for another download of " + label + " in this process to finish");
            threadLock.lockInterruptibly();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                listener.message("waiting for another process downloading " + label + " (lock " + lockFile + ")");
                fileLock = channel.lock();
            }
            return new DownloadLock(threadLock, channel, fileLock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
