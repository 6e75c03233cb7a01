package dev.efficientformer.model;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.image.PreprocessConfig;
import dev.efficientformer.json.Json;
import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Shape;
import dev.efficientformer.weights.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One published model: its name, where its weights live on the Hugging Face hub, how big it is,
 * how to preprocess its input, and which tensors its checkpoint holds.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the timm architecture name, e.g. {@code efficientformer_l1}
 * @param pretrainedTag timm's pretrained tag, e.g. {@code snap_dist_in1k}
 * @param hubRepository the hub repository, e.g. {@code timm/efficientformer_l1.snap_dist_in1k}
 * @param hubRevision the branch, tag or commit to download from
 * @param fileName the weight file in the repository
 * @param paramsMillions learned parameters in millions, as timm reports them
 * @param gmacs multiply-accumulates of one 224x224 image, in billions
 * @param preprocess the eval-time input transform the weights were trained for
 * @param keyListResource class-path resource listing every tensor of the checkpoint
 * @param sha256 lower-case hex SHA-256 of the published file, or empty when not known
 */
public record ZooEntry(String name, String pretrainedTag, String hubRepository, String hubRevision, String fileName,
                       double paramsMillions, double gmacs, PreprocessConfig preprocess, String keyListResource,
                       String sha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    // Path segments of a hub URL and of the cache: letters, digits and . _ - only (no leading dot,
    // so never ".."), so they need no escaping and cannot climb out of a folder.
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    /** Validates every field. */
    public ZooEntry {
        Objects.requireNonNull(preprocess, "preprocess");
        Objects.requireNonNull(keyListResource, "keyListResource");
        Objects.requireNonNull(sha256, "sha256");
        for (String s : List.of(name, pretrainedTag, hubRevision, fileName)) {
            if (!SEGMENT.matcher(s).matches()) {
                throw new IllegalArgumentException("not a plain name: \"" + s + "\"");
            }
        }
        String[] repo = hubRepository.split("/", -1);
        if (repo.length != 2 || !SEGMENT.matcher(repo[0]).matches() || !SEGMENT.matcher(repo[1]).matches()) {
            throw new IllegalArgumentException("hub repository must be owner/name, got \"" + hubRepository + "\"");
        }
        if (!sha256.isEmpty() && !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits or empty, got \"" + sha256 + "\"");
        }
    }

    /** The full timm model name, {@code name.pretrainedTag}, e.g. {@code efficientformer_l1.snap_dist_in1k}. */
    public String timmName() {
        return name + "." + pretrainedTag;
    }

    /** The SHA-256 of the published file, when this library knows it. */
    public Optional<String> knownSha256() {
        return sha256.isEmpty() ? Optional.empty() : Optional.of(sha256);
    }

    /** The download URL on the hub {@link ModelZoo#hubUrl()} points at. */
    public URI downloadUri() {
        return downloadUri(ModelZoo.hubUrl());
    }

    /**
     * The download URL on a given hub: {@code <hub>/<repository>/resolve/<revision>/<file>}, the
     * Hugging Face layout (mirrors such as hf-mirror.com use it too).
     *
     * @param hubUrl the hub's base URL, e.g. {@code https://huggingface.co}
     */
    public URI downloadUri(URI hubUrl) {
        String base = hubUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/" + hubRepository + "/resolve/" + hubRevision + "/" + fileName);
    }

    /**
     * Every tensor of the published checkpoint in timm naming, by name, in file order: what
     * {@code StateDictCheck.requireMatch} needs to check a downloaded or user-supplied file.
     *
     * @throws EfficientFormerException when the bundled resource is missing or malformed
     */
    public Map<String, TensorInfo> keyList() {
        String text;
        // Class (not ClassLoader) lookup: the key lists sit in a package of this module, which it does not open.
        try (InputStream in = ZooEntry.class.getResourceAsStream("/" + keyListResource)) {
            if (in == null) {
                throw new EfficientFormerException("class-path resource " + keyListResource + " (key list of " + name
                        + ") is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EfficientFormerException("cannot read class-path resource " + keyListResource + ": " + e, e);
        }
        try {
            Map<String, TensorInfo> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : asMap(Json.parseObject(text).get("timm_safetensors")).entrySet()) {
                Map<String, Object> t = asMap(e.getValue());
                List<?> dims = (List<?>) t.get("shape");
                long[] shape = new long[dims.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = (Long) dims.get(i);
                }
                out.put(e.getKey(), new TensorInfo(e.getKey(), DType.fromSafetensorsName((String) t.get("dtype")), Shape.of(shape)));
            }
            return out;
        } catch (RuntimeException e) {
            throw new EfficientFormerException("class-path resource " + keyListResource + " is malformed: " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, got " + o);
        }
        return (Map<String, Object>) o;
    }
}
