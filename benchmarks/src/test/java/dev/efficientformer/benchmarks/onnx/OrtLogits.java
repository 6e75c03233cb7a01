package dev.efficientformer.benchmarks.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** Runs an exported model through ONNX Runtime (CPU, one thread) and returns its logits. */
final class OrtLogits {
    private OrtLogits() {
    }

    /** The {@code logits} for {@code batch} 3x224x224 images. */
    static float[] run(Path model, float[] images, int batch) throws OrtException {
        return run(model, images, batch, 224, 224);
    }

    /** The {@code logits} for {@code batch} 3 x height x width images. */
    static float[] run(Path model, float[] images, int batch, int height, int width) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(model.toString(), options);
                    OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(images), new long[] {batch, 3, height, width});
                    OrtSession.Result result = session.run(Map.of(EfficientFormerOnnxExport.INPUT, input))) {
                OnnxTensor logits = (OnnxTensor) result.get(EfficientFormerOnnxExport.OUTPUT).orElseThrow();
                FloatBuffer fb = logits.getFloatBuffer();
                float[] out = new float[fb.remaining()];
                fb.get(out);
                return out;
            }
        }
    }
}
