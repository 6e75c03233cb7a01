package dev.efficientformer.image;

import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Collects the warnings an {@link ImageReader} emits while decoding and turns a premature end of
 * data into a failure. ImageIO's JPEG reader (libjpeg) only warns on a truncated file ("Premature
 * end of JPEG file", or "Corrupt JPEG data: premature end of data segment" when the cut falls in
 * entropy-coded data) and fills the missing rows with grey; PIL raises "image file is truncated"
 * instead, and so do we.
 *
 * <p>Thread-safety: not thread-safe; one instance per read.
 */
final class TruncationWarnings implements IIOReadWarningListener {
    private String truncation;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        if (truncation == null && warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
            truncation = warning;
        }
    }

    /** Throws if a truncation warning was seen. */
    void throwIfTruncated(String sourceName) {
        if (truncation != null) {
            throw new ImageDecodingException("cannot decode image " + sourceName + ": the data is truncated ("
                    + truncation + ")");
        }
    }
}
