package dev.efficientformer.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark installation made of the test's own class path, for a standalone worker to start
 * executors from: a worker launches each executor as {@code $JAVA_HOME/bin/java -cp
 * $SPARK_HOME/jars/*:<spark.executor.extraClassPath>}, so {@code jars/} links every jar of this
 * JVM's class path (Spark, the library, oneDNN) and the class folders go in the extra class path.
 * The surefire configuration points {@code SPARK_HOME} here.
 */
final class SparkHome {
    private SparkHome() {
    }

    /** Links the class path's jars under {@code $SPARK_HOME/jars}; returns the class folders, joined. */
    static String prepare() {
        String home = System.getenv("SPARK_HOME");
        if (home == null) {
            throw new IllegalStateException("SPARK_HOME is not set (the spark module's surefire configuration sets it)");
        }
        List<String> folders = new ArrayList<>();
        try {
            Path jars = Files.createDirectories(Path.of(home, "jars"));
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath();
                if (Files.isDirectory(p)) {
                    folders.add(p.toString());
                } else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                    Path link = jars.resolve(p.getFileName());
                    Files.deleteIfExists(link);
                    Files.createSymbolicLink(link, p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(File.pathSeparator, folders);
    }
}
