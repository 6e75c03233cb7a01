/**
 * EfficientFormer image classifiers: {@link dev.efficientformer.EfficientFormerModel} loads a
 * checkpoint and classifies images on oneDNN (Linux x86_64 and aarch64), the Arm Compute Library
 * (Linux aarch64) or pure Java.
 *
 * <p>Exported: the model API ({@code dev.efficientformer}), checkpoint reading
 * ({@code weights}, {@code tensor}), image preprocessing ({@code image}), the model zoo and
 * architecture ({@code model}), downloads ({@code download}) and the backend interface
 * ({@code backend}). The graph, the backends' implementations, native loading, JSON and the
 * thread budget are internal.
 *
 * <p>Running on the module path needs {@code --enable-native-access=dev.efficientformer,
 * dev.efficientformer.bindings}; the java backend's vector tier also needs {@code --add-modules
 * jdk.incubator.vector}. oneDNN's jars ({@code org.bytedeco:dnnl}) are read as class-path
 * resources and need not be modules.
 */
module dev.efficientformer {
    requires transitive java.desktop;
    requires java.net.http;
    requires java.management;
    requires dev.efficientformer.bindings;
    requires static jdk.incubator.vector;

    exports dev.efficientformer;
    exports dev.efficientformer.backend;
    exports dev.efficientformer.download;
    exports dev.efficientformer.image;
    exports dev.efficientformer.model;
    exports dev.efficientformer.tensor;
    exports dev.efficientformer.weights;
}
