package dev.efficientformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.image.Interpolation;
import dev.efficientformer.image.PreprocessConfig;
import dev.efficientformer.tensor.DType;
import dev.efficientformer.weights.TensorInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ModelZoo} and {@link ZooEntry}. */
@Timeout(10)
class ZooTest {
    @Test
    void knowsV1AndV2() {
        assertEquals(List.of("efficientformer_l1", "efficientformer_l3", "efficientformer_l7", "efficientformerv2_s0", "efficientformerv2_s1",
                "efficientformerv2_s2", "efficientformerv2_l"), ModelZoo.names());
        ZooEntry s2 = ModelZoo.entry("efficientformerv2_s2");
        assertEquals("timm/efficientformerv2_s2.snap_dist_in1k", s2.hubRepository());
        assertEquals("dev/efficientformer/model/keys/efficientformerv2_s2.json", s2.keyListResource());
        ZooEntry l3 = ModelZoo.entry("efficientformer_l3");
        assertEquals("snap_dist_in1k", l3.pretrainedTag());
        assertEquals("efficientformer_l3.snap_dist_in1k", l3.timmName());
        assertEquals("timm/efficientformer_l3.snap_dist_in1k", l3.hubRepository());
        assertEquals("model.safetensors", l3.fileName());
        assertEquals("dev/efficientformer/model/keys/efficientformer_l3.json", l3.keyListResource());
    }

    @Test
    void findsAModelByAnyOfItsNames() {
        ZooEntry l1 = ModelZoo.entry("efficientformer_l1");
        assertEquals(l1, ModelZoo.entry("efficientformer_l1.snap_dist_in1k"));
        assertEquals(l1, ModelZoo.entry("timm/efficientformer_l1.snap_dist_in1k"));
        assertEquals(Optional.empty(), ModelZoo.find("efficientformer_l2"));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        EfficientFormerException e = assertThrows(EfficientFormerException.class, () -> ModelZoo.entry("efficientformerv2_m"));
        assertEquals("unknown model \"efficientformerv2_m\"; known models: efficientformer_l1, efficientformer_l3, "
                + "efficientformer_l7, efficientformerv2_s0, efficientformerv2_s1, efficientformerv2_s2, efficientformerv2_l", e.getMessage());
    }

    @Test
    void downloadUrlsFollowTheHubLayout() {
        ZooEntry l7 = ModelZoo.entry("efficientformer_l7");
        assertEquals(URI.create("https://huggingface.co/timm/efficientformer_l7.snap_dist_in1k/resolve/main/model.safetensors"),
                l7.downloadUri(URI.create(ModelZoo.DEFAULT_HUB_URL)));
        assertEquals(URI.create("http://127.0.0.1:8080/mirror/timm/efficientformer_l7.snap_dist_in1k/resolve/main/model.safetensors"),
                l7.downloadUri(URI.create("http://127.0.0.1:8080/mirror/")));
    }

    @Test
    void theHubUrlComesFromThePropertyWhenSet() {
        String before = System.getProperty(ModelZoo.HUB_URL_PROPERTY);
        try {
            System.setProperty(ModelZoo.HUB_URL_PROPERTY, "http://127.0.0.1:9/");
            assertEquals(URI.create("http://127.0.0.1:9/"), ModelZoo.hubUrl());
            assertEquals("http://127.0.0.1:9/timm/efficientformer_l1.snap_dist_in1k/resolve/main/model.safetensors",
                    ModelZoo.entry("efficientformer_l1").downloadUri().toString());
            System.setProperty(ModelZoo.HUB_URL_PROPERTY, "ftp://example.invalid");
            EfficientFormerException e = assertThrows(EfficientFormerException.class, ModelZoo::hubUrl);
            assertTrue(e.getMessage().startsWith(ModelZoo.HUB_URL_PROPERTY + " must be an http(s) URL"), e.getMessage());
            System.clearProperty(ModelZoo.HUB_URL_PROPERTY);
            if (System.getenv(ModelZoo.HUB_URL_ENV) == null) {
                assertEquals(URI.create("https://huggingface.co"), ModelZoo.hubUrl());
            }
        } finally {
            if (before == null) {
                System.clearProperty(ModelZoo.HUB_URL_PROPERTY);
            } else {
                System.setProperty(ModelZoo.HUB_URL_PROPERTY, before);
            }
        }
    }

    @Test
    void everyModelUsesTheTimmEvalTransform() {
        for (ZooEntry e : ModelZoo.entries()) {
            PreprocessConfig p = e.preprocess();
            assertEquals(PreprocessConfig.imagenetDefault(), p);
            assertEquals(224, p.cropSize());
            assertEquals(235, p.resizeShortSide(), "floor(224 / 0.95)");
            assertEquals(Interpolation.BICUBIC, p.interpolation());
        }
    }

    @Test
    void noChecksumIsClaimedWithoutASource() {
        // See the comment in ModelZoo: none was found published verbatim, so none is recorded.
        for (ZooEntry e : ModelZoo.entries()) {
            assertEquals(Optional.empty(), e.knownSha256(), e.name());
        }
    }

    @Test
    void parameterCountsAgreeWithTheBundledKeyLists() {
        // timm counts learned tensors: everything but BatchNorm statistics and index buffers.
        for (ZooEntry e : ModelZoo.entries()) {
            Map<String, TensorInfo> keys = e.keyList();
            long learned = keys.values().stream()
                    .filter(t -> t.dtype() == DType.F32)
                    .filter(t -> !t.name().endsWith(".running_mean") && !t.name().endsWith(".running_var"))
                    .mapToLong(t -> t.shape().elementCount())
                    .sum();
            assertEquals(e.paramsMillions(), Math.round(learned / 1e5) / 10.0, e.name() + ": " + learned);
            assertTrue(keys.containsKey("head_dist.weight") && (keys.containsKey("stem.conv1.weight") || keys.containsKey("stem.conv1.conv.weight")), e.name());
        }
        assertEquals(281, ModelZoo.entry("efficientformer_l1").keyList().size());
    }

    @Test
    void gmacsAreTimmsFigures() {
        assertEquals(List.of(1.3, 3.9, 10.2, 0.4, 0.7, 1.3, 2.6), ModelZoo.entries().stream().map(ZooEntry::gmacs).toList());
        assertEquals(List.of(12.3, 31.4, 82.2, 3.6, 6.2, 12.7, 26.3), ModelZoo.entries().stream().map(ZooEntry::paramsMillions).toList());
    }

    @Test
    void entriesRejectMalformedFields() {
        ZooEntry l1 = ModelZoo.entry("efficientformer_l1");
        assertThrows(IllegalArgumentException.class, () -> new ZooEntry(l1.name(), l1.pretrainedTag(), "no-owner", "main",
                l1.fileName(), 1, 1, l1.preprocess(), l1.keyListResource(), ""));
        assertThrows(IllegalArgumentException.class, () -> new ZooEntry(l1.name(), l1.pretrainedTag(), l1.hubRepository(),
                "main", "../evil", 1, 1, l1.preprocess(), l1.keyListResource(), ""));
        assertThrows(IllegalArgumentException.class, () -> new ZooEntry(l1.name(), l1.pretrainedTag(), l1.hubRepository(),
                "main", l1.fileName(), 1, 1, l1.preprocess(), l1.keyListResource(), "ABC"));
    }
}
