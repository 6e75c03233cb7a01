package dev.efficientformer.spark;

import java.nio.file.Path;
import org.apache.spark.JobArtifactSet;
import org.apache.spark.JobArtifactState;
import org.apache.spark.sql.SparkSession;
import scala.runtime.AbstractFunction0;

/**
 * Ships a file to the executors so that this session's queries can read it.
 *
 * <p>Why not just {@code SparkContext.addFile}: Spark 4 isolates a session's artifacts
 * ({@code spark.sql.artifact.isolation.enabled}, on by default), and a query's tasks carry only the
 * files of their session's artifact state. A file added to the context outside that state never
 * reaches an executor of a DataFrame query (measured on Spark 4.2 with a standalone worker: the
 * executor's file folder stayed empty). Added while the session's state is active, it is fetched
 * into {@code <SparkFiles root>/<session uuid>/}, while {@code SparkFiles.get(name)} in the task
 * still answers {@code <root>/name}. So the file is added under the session's state and named
 * {@code <uuid>/<name>} relative to the root, which {@code SparkFiles.get} resolves on every
 * executor. Both calls used here are public in bytecode but not Spark's documented API: the
 * tests in this module run them on the Spark version the build names.
 *
 * <p>Thread-safety: stateless.
 */
final class SessionFiles {
    private SessionFiles() {
    }

    /** Adds {@code file} for the queries of {@code spark}; returns its name for {@code SparkFiles.get}. */
    static String add(SparkSession spark, Path file) {
        String path = file.toAbsolutePath().toString();
        if (!(spark instanceof org.apache.spark.sql.classic.SparkSession classic)) {
            spark.sparkContext().addFile(path);
            return file.getFileName().toString();
        }
        JobArtifactState state = classic.artifactManager().state();
        JobArtifactSet.withActiveJobArtifactState(state, new AbstractFunction0<Object>() {
            @Override
            public Object apply() {
                spark.sparkContext().addFile(path);
                return null;
            }
        });
        return state.uuid() + "/" + file.getFileName();
    }
}
