package dev.efficientformer.model;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.image.PreprocessConfig;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The published checkpoints this library knows: EfficientFormer L1, L3 and L7 and
 * EfficientFormerV2 S0, S1, S2 and L, trained on ImageNet-1k with distillation and converted by
 * timm ({@code snap_dist_in1k}); all take 224x224 inputs, resized bicubic with crop 0.95 and
 * normalised with ImageNet's mean and standard deviation.
 *
 * <p>Weights come from the Hugging Face hub, {@value #DEFAULT_HUB_URL}, unless the
 * {@value #HUB_URL_PROPERTY} property or the {@value #HUB_URL_ENV} environment variable names
 * another one (a mirror, or a local server in tests).
 *
 * <p>Thread-safety: immutable; safe from any thread.
 */
public final class ModelZoo {
    /** System property naming the hub's base URL. */
    public static final String HUB_URL_PROPERTY = "efficientformer.hub.url";
    /** Environment variable naming the hub's base URL (the property wins). */
    public static final String HUB_URL_ENV = "EFFICIENTFORMER_HUB_URL";
    /** The public Hugging Face hub. */
    public static final String DEFAULT_HUB_URL = "https://huggingface.co";

    private static final String TAG = "snap_dist_in1k";

    // Parameters and GMACs as timm's model cards state them. The L7 card says 82.2M where the
    // EfficientFormer paper says 82.1M; 82.2 is what the shipped key list adds up to (82,229,328
    // learned values; ZooTest checks all three against their key lists).
    //
    // sha256: left empty. No published SHA-256 of these model.safetensors files was found verbatim
    // (the hub's file pages and LFS pointers were searched); the downloader verifies against the
    // hub's own X-Linked-Etag instead. Fill in only from the hub's file page ("Git LFS Details").
    private static final List<ZooEntry> ENTRIES = List.of(
            entry("efficientformer_l1", 12.3, 1.3),
            entry("efficientformer_l3", 31.4, 3.9),
            entry("efficientformer_l7", 82.2, 10.2),
            entry("efficientformerv2_s0", 3.6, 0.4),
            entry("efficientformerv2_s1", 6.2, 0.7),
            entry("efficientformerv2_s2", 12.7, 1.3),
            entry("efficientformerv2_l", 26.3, 2.6));

    private ModelZoo() {
    }

    private static ZooEntry entry(String name, double paramsMillions, double gmacs) {
        return new ZooEntry(name, TAG, "timm/" + name + "." + TAG, "main", "model.safetensors", paramsMillions, gmacs,
                PreprocessConfig.imagenetDefault(), "dev/efficientformer/model/keys/" + name + ".json", "");
    }

    /** Every known model, smallest first. */
    public static List<ZooEntry> entries() {
        return ENTRIES;
    }

    /** The names of every known model, smallest first. */
    public static List<String> names() {
        return ENTRIES.stream().map(ZooEntry::name).toList();
    }

    /**
     * The model called {@code name}: its timm name ({@code efficientformer_l1}), its full timm
     * name ({@code efficientformer_l1.snap_dist_in1k}) or its hub repository
     * ({@code timm/efficientformer_l1.snap_dist_in1k}).
     */
    public static Optional<ZooEntry> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip();
        return ENTRIES.stream()
                .filter(e -> e.name().equals(n) || e.timmName().equals(n) || e.hubRepository().equals(n))
                .findFirst();
    }

    /**
     * The model called {@code name} (see {@link #find}).
     *
     * @throws EfficientFormerException naming the known models when there is none by that name
     */
    public static ZooEntry entry(String name) {
        return find(name).orElseThrow(() -> new EfficientFormerException("unknown model \"" + name + "\"; known models: "
                + String.join(", ", names())));
    }

    /**
     * The hub's base URL: the {@value #HUB_URL_PROPERTY} property, else {@value #HUB_URL_ENV},
     * else {@value #DEFAULT_HUB_URL}. Read on every call, so that a property set later applies.
     *
     * @throws EfficientFormerException when the configured value is not an http(s) URL
     */
    public static URI hubUrl() {
        String source = HUB_URL_PROPERTY;
        String value = System.getProperty(HUB_URL_PROPERTY);
        if (value == null || value.isBlank()) {
            source = HUB_URL_ENV;
            value = System.getenv(HUB_URL_ENV);
        }
        if (value == null || value.isBlank()) {
            return URI.create(DEFAULT_HUB_URL);
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new EfficientFormerException(source + " must be an http(s) URL such as " + DEFAULT_HUB_URL
                        + ", got \"" + value + "\"");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new EfficientFormerException(source + " is not a URL: \"" + value + "\" (" + e.getMessage() + ")", e);
        }
    }
}
