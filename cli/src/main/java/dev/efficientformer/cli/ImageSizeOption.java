package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.ModelOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --image-size SIDE} or {@code HEIGHTxWIDTH}: the model's input size for the subcommands
 * that read image files (the published models take 224; V1 runs any side from 193 to 224, V2 from
 * 209 to 224, square or not). Images are preprocessed to it as timm's eval transform does.
 *
 * <p>Thread-safety: filled in by picocli, then read by the command's thread only.
 */
public final class ImageSizeOption {
    @Option(names = "--image-size", paramLabel = "H[xW]", defaultValue = "224", converter = SizeConverter.class,
            description = "Model input size, a side or HEIGHTxWIDTH (V1: 193 to 224 per side, V2: 209 to 224). Images are resized "
                    + "and center-cropped to it as timm does. Default: ${DEFAULT-VALUE}.")
    Size size;

    /** A parsed {@code --image-size}. */
    record Size(int height, int width) {
    }

    /** {@code options} at this size. */
    ModelOptions apply(ModelOptions options) {
        return options.withImageSize(size.height(), size.width());
    }

    /** Parses {@code 224} or {@code 211x224} ({@link ModelOptions#withImageSize(String)}); anything else is a usage error. */
    static final class SizeConverter implements ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            try {
                ModelOptions parsed = ModelOptions.defaults().withImageSize(value);
                return new Size(parsed.imageHeight(), parsed.imageWidth());
            } catch (EfficientFormerException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
