/** The consumer as a named module: run with java -p (see ../../run.sh). */
module example.consumer {
    requires dev.efficientformer;
}
