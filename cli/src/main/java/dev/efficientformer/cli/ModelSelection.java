package dev.efficientformer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the weights come from: {@code --model NAME} (downloaded into the cache by
 * {@code efficientformer download NAME}) or {@code --weights FILE}. Used as an exclusive argument
 * group, so giving both is a usage error.
 *
 * <p>Thread-safety: filled in by picocli, then read by the command's thread only.
 */
public final class ModelSelection {
    @Option(names = "--model", paramLabel = "NAME", converter = ZooName.class,
            description = "A model fetched with 'efficientformer download NAME': efficientformer_l1, _l3, _l7 or EfficientFormerV2 efficientformerv2_s0, _s1, _s2, _l.")
    String model;

    @Option(names = "--weights", paramLabel = "FILE", description = "A checkpoint file: .safetensors or PyTorch .pth (timm or original key names).")
    Path weights;

    /**
     * The checkpoint to load: {@code --weights}, else the downloaded {@code --model}, else the
     * downloaded {@code defaultModel}; checked to be a readable file.
     *
     * @param source the command's group, null when neither option was given
     */
    static Path checkpoint(ModelSelection source, String defaultModel) {
        Path file = source != null && source.weights != null ? source.weights
                : ModelCatalog.downloadedOrFail(source != null && source.model != null ? source.model : defaultModel);
        CliFiles.requireReadableFile(file, "weights file");
        return file;
    }

    /** A zoo model's name, checked while parsing: an unknown one is a usage error (exit 2) listing the known ones. */
    static final class ZooName implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                dev.efficientformer.model.ModelZoo.entry(value);
            } catch (dev.efficientformer.EfficientFormerException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
            return value;
        }
    }
}
