package dev.efficientformer.weights;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test-only: paths of the checked-in fixtures. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A file under {@code src/test/resources/fixtures}. */
    public static Path path(String relative) {
        URL url = Fixtures.class.getResource("/fixtures/" + relative);
        if (url == null) {
            throw new IllegalStateException("fixture missing: " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path tinyV1Pth() {
        return path("tiny/tiny_v1/model_orig.pth");
    }

    public static Path tinyV1Safetensors() {
        return path("tiny/tiny_v1/model.safetensors");
    }
}
