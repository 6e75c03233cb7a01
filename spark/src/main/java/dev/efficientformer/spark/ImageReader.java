package dev.efficientformer.spark;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.image.ImageDecoder;
import dev.efficientformer.image.RgbImage;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import scala.Tuple2;

/**
 * Turns one value of the image column into a decoded image: encoded bytes are decoded as they
 * are; a path or URI is read through Hadoop's file systems with the job's {@code spark.hadoop.*}
 * settings (so {@code file:}, {@code hdfs:} and {@code s3a:} work where the cluster has them),
 * bounded in size before a byte is read.
 *
 * <p>Thread-safety: one instance per task.
 */
final class ImageReader {
    /** The largest encoded image read from a path; Spark's binaryFile source stops at 2 GiB. */
    static final long MAX_FILE_BYTES = 256L << 20;

    private final ImageDecoder decoder = ImageDecoder.withDefaults();
    private final boolean paths;
    private Configuration hadoop;

    ImageReader(DataType columnType, String column) {
        if (columnType instanceof BinaryType) {
            paths = false;
        } else if (columnType instanceof StringType) {
            paths = true;
        } else {
            throw new EfficientFormerException("the image column '" + column + "' is " + columnType.simpleString()
                    + ": it must hold encoded images (binary, as the binaryFile source's content) or paths (string)");
        }
    }

    /** Whether the column holds paths. */
    boolean readsPaths() {
        return paths;
    }

    /**
     * The image of one value.
     *
     * @param name what messages call the image (its path when known)
     * @throws EfficientFormerException when it is missing, unreadable or not a decodable image
     */
    RgbImage read(Object value, String name) {
        if (value == null) {
            throw new EfficientFormerException("no image for " + name + ": the image column is null");
        }
        return paths ? decoder.decode(readFile((String) value), name) : decoder.decode((byte[]) value, name);
    }

    private byte[] readFile(String location) {
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(hadoop());
            FileStatus status = fs.getFileStatus(path);
            if (!status.isFile()) {
                throw new EfficientFormerException("cannot read the image " + location + ": not a regular file");
            }
            if (status.getLen() > MAX_FILE_BYTES) {
                throw new EfficientFormerException("the image " + location + " has " + status.getLen() + " bytes, more than the "
                        + MAX_FILE_BYTES + " this reader takes");
            }
            try (InputStream in = fs.open(path)) {
                byte[] bytes = in.readNBytes((int) status.getLen() + 1);
                if (bytes.length > status.getLen()) {
                    throw new EfficientFormerException("the image " + location + " grew while it was read");
                }
                return bytes;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new EfficientFormerException("cannot read the image " + location + ": " + e.getMessage(), e);
        }
    }

    private Configuration hadoop() {
        if (hadoop == null) {
            hadoop = new Configuration();
            SparkEnv env = SparkEnv.get();
            if (env != null) {
                for (Tuple2<String, String> kv : env.conf().getAllWithPrefix("spark.hadoop.")) {
                    hadoop.set(kv._1(), kv._2());
                }
            }
        }
        return hadoop;
    }
}
