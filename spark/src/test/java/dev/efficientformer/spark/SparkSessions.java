package dev.efficientformer.spark;

import org.apache.spark.sql.SparkSession;

/** Spark sessions for tests: loopback only, no UI, few shuffle partitions. */
final class SparkSessions {
    private SparkSessions() {
    }

    static SparkSession.Builder builder(String master) {
        return SparkSession.builder()
                .master(master)
                .appName("efficientformer-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4");
    }

    static SparkSession local(int threads) {
        return builder("local[" + threads + "]").getOrCreate();
    }
}
