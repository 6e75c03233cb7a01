package dev.efficientformer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.download.DownloadException;
import dev.efficientformer.model.ModelZoo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pretrained} names what is wrong before and during a download (the download itself, resume
 * and checksums are DownloadTest's; the published weights cannot be fetched here).
 */
class PretrainedTest {
    @TempDir
    Path cache;

    @AfterEach
    void clear() {
        System.clearProperty(CacheDirectory.PROPERTY);
        System.clearProperty(ModelZoo.HUB_URL_PROPERTY);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        EfficientFormerException e = assertThrows(EfficientFormerException.class,
                () -> EfficientFormerModel.pretrained("efficientformer_l9", ModelOptions.defaults(), (done, total) -> { }));
        assertTrue(e.getMessage().contains("efficientformer_l1"), e.getMessage());
    }

    @Test
    void anUnreachableHubFailsWithADownloadException() {
        System.setProperty(CacheDirectory.PROPERTY, cache.toString());
        System.setProperty(ModelZoo.HUB_URL_PROPERTY, "http://127.0.0.1:9");   // the discard port: nothing listens
        DownloadException e = assertThrows(DownloadException.class,
                () -> EfficientFormerModel.pretrained("efficientformer_l1", ModelOptions.defaults(), (done, total) -> { }));
        assertTrue(e.getMessage().contains("efficientformer_l1") || e.getMessage().contains("127.0.0.1"), e.getMessage());
    }
}
