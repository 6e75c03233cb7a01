package dev.efficientformer.image;

import java.io.IOException;
import javax.imageio.stream.ImageInputStream;

/**
 * Counts the scans (SOS segments) of a JPEG by walking its marker structure, in time linear in the
 * file's size and without decoding anything. A progressive JPEG is decoded once per scan, so a
 * small file of thousands of scans costs minutes of CPU (228 KB and 1.6 MB files were found); real
 * encoders write about 10. The walk stops as soon as the limit is passed.
 *
 * <p>Thread-safety: stateless; the stream belongs to the caller.
 */
final class JpegScans {
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private JpegScans() {
    }

    /**
     * Counts the scans from the stream's position up to EOI or the end, stopping once more than
     * {@code limit} are seen; the stream is left where the walk ended.
     */
    static long count(ImageInputStream in, long limit) throws IOException {
        Bytes b = new Bytes(in);
        long scans = 0;
        if (b.next() != 0xFF || b.next() != 0xD8) {
            return 0; // not a JPEG: the reader will say so
        }
        int c = b.next();
        while (c >= 0) {
            if (c != 0xFF) {
                c = b.next(); // stray byte between segments: skip, as decoders do
                continue;
            }
            int marker = b.next();
            while (marker == 0xFF) {
                marker = b.next(); // fill bytes
            }
            if (marker < 0 || marker == EOI) {
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                c = b.next(); // TEM, RSTn, SOI: no length
                continue;
            }
            int hi = b.next();
            int lo = b.next();
            if (lo < 0) {
                break;
            }
            int length = (hi << 8) | lo;
            if (length < 2) {
                break; // corrupt: the reader will say so
            }
            b.skip(length - 2);
            if (marker != SOS) {
                c = b.next();
                continue;
            }
            if (++scans > limit) {
                return scans;
            }
            // Entropy-coded data up to the next marker that is neither a stuffed 0xFF00 nor RSTn.
            c = b.next();
            while (c >= 0) {
                if (c == 0xFF) {
                    int d = b.next();
                    if (d == 0x00 || (d >= 0xD0 && d <= 0xD7)) {
                        c = b.next();
                        continue;
                    }
                    b.unread(d);
                    break;
                }
                c = b.next();
            }
        }
        return scans;
    }

    /** Buffered bytes of an {@link ImageInputStream} (whose single-byte reads may each be a system call). */
    private static final class Bytes {
        private final ImageInputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int pos;
        private int end;
        private int pushedBack = -2;

        Bytes(ImageInputStream in) {
            this.in = in;
        }

        int next() throws IOException {
            if (pushedBack != -2) {
                int v = pushedBack;
                pushedBack = -2;
                return v;
            }
            if (pos == end) {
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return -1;
                }
            }
            return buffer[pos++] & 0xFF;
        }

        void unread(int v) {
            pushedBack = v;
        }

        void skip(long n) throws IOException {
            while (n > 0 && next() >= 0) {
                n--;
            }
        }
    }
}
