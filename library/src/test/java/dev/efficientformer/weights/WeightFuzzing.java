package dev.efficientformer.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.EfficientFormerModel;
import dev.efficientformer.ModelOptions;
import dev.efficientformer.model.ModelFamily;
import dev.efficientformer.tensor.DType;
import dev.efficientformer.tensor.Tensor;

/**
 * What the checkpoint fuzz targets do with a file that opened: read every tensor, then build the
 * model from it as {@link CheckpointFormat#open} and {@link EfficientFormerModel#load} would
 * (deriving the architecture, building and optimising the graph; nothing is compiled or run).
 */
final class WeightFuzzing {
    private WeightFuzzing() {
    }

    /** The only outcome besides success: our exception, with a message that says something. */
    static void expected(EfficientFormerException e) {
        assertNotNull(e.getMessage(), "exception without a message");
        assertFalse(e.getMessage().isBlank(), "exception with a blank message");
    }

    /** Reads every tensor of {@code f} and builds a model from it. */
    static void exercise(WeightFile f) {
        for (String name : f.names()) {
            TensorInfo info = f.info(name);
            Tensor t = f.tensor(name);
            assertEquals(info.shape(), t.shape(), name);
            assertEquals(info.shape().byteSize(info.dtype()), t.byteSize(), name);
            long n = t.elementCount();
            if (n > 0) {
                if (t.dtype() == DType.I64) {
                    t.getLong(0);
                    t.getLong(n - 1);
                } else {
                    t.getFloat(0);
                    t.getFloat(n - 1);
                }
            }
        }
        WeightFile named = ModelFamily.withTimmNames(f);
        // 224: the published models; 96: the tiny V2 fixture's grids, so that mutated V2 files reach
        // graph building too (V1 refuses 96 at once).
        for (int size : new int[] {224, 96}) {
            try {
                EfficientFormerModel.fromWeights(named, ModelOptions.defaults().withBackend("java").withImageSize(size)).close();
            } catch (EfficientFormerException e) {
                expected(e);
            }
        }
    }
}
