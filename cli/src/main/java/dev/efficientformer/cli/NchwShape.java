package dev.efficientformer.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --shape N,C,H,W} of a raw input tensor.
 *
 * <p>Thread-safety: immutable.
 *
 * @param n images
 * @param c channels
 * @param h height
 * @param w width
 */
public record NchwShape(int n, int c, int h, int w) {
    /** Elements in the tensor. */
    public long elements() {
        return (long) n * c * h * w;
    }

    /** Bytes as float32. */
    public long float32Bytes() {
        return elements() * Float.BYTES;
    }

    @Override
    public String toString() {
        return n + "," + c + "," + h + "," + w;
    }

    /** Parses {@code N,C,H,W} (four positive integers). */
    static final class Converter implements ITypeConverter<NchwShape> {
        @Override
        public NchwShape convert(String value) {
            String[] parts = value.split(",", -1);
            if (parts.length != 4) {
                throw new TypeConversionException("'" + value + "' is not N,C,H,W (four comma-separated sizes, e.g. 1,3,224,224)");
            }
            int[] d = new int[4];
            for (int i = 0; i < 4; i++) {
                try {
                    d[i] = Integer.parseInt(parts[i].strip());
                } catch (NumberFormatException e) {
                    d[i] = -1;
                }
                if (d[i] < 1) {
                    throw new TypeConversionException("'" + value + "': size " + (i + 1) + " ('" + parts[i] + "') is not a positive integer");
                }
            }
            return new NchwShape(d[0], d[1], d[2], d[3]);
        }
    }
}
