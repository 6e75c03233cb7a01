package dev.efficientformer.nativelib;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.testing.Fixtures;
import dev.efficientformer.testing.ReferenceCase;
import java.nio.file.Path;

/**
 * Child-JVM entry point for a JVM whose oneDNN cannot load: prints why it failed, then shows
 * that the pure-Java backend still works in that same JVM (reference logits), that {@code auto}
 * falls back to it, and what an explicit {@code dnnl} request says. Exit 0 when the Java backend
 * gave the reference logits.
 */
public final class BackendFallbackProbe {
    private BackendFallbackProbe() {
    }

    public static void main(String[] args) {
        try {
            DnnlLibrary.load();
            System.out.println("DNNL LOADED (expected a failure)");
        } catch (NativeLibraryException e) {
            System.out.println("DNNL FAILED " + e.getMessage());
        }
        Path tiny = Fixtures.tiny("tiny_v1");
        ReferenceCase c = new ReferenceCase(tiny);
        try (EfficientFormerModel m = EfficientFormerModel.load(tiny.resolve("model.safetensors"),
                ModelOptions.defaults().withBackend("java"))) {
            ReferenceCase.assertLogitsMatch("java backend", c.logits(), m.predict(c.input()), 1);
            System.out.println("JAVA BACKEND OK");
        }
        try (EfficientFormerModel m = EfficientFormerModel.load(tiny.resolve("model.safetensors"))) {
            System.out.println("AUTO CHOSE " + m.backendName());
        }
        try {
            EfficientFormerModel.load(tiny.resolve("model.safetensors"), ModelOptions.defaults().withBackend("dnnl")).close();
            System.out.println("DNNL BACKEND LOADED (expected a failure)");
        } catch (EfficientFormerException e) {
            System.out.println("DNNL BACKEND REFUSED " + e.getMessage().replace('\n', ' '));
        }
    }
}
