package dev.efficientformer.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrtProfileSummaryTest {
    private static String node(String name, String op, long dur, String shapes) {
        return "{\"cat\":\"Node\",\"name\":\"" + name + "_kernel_time\",\"dur\":" + dur + ",\"ts\":1,\"ph\":\"X\",\"args\":{\"op_name\":\""
                + op + "\",\"input_type_shape\":" + shapes + "}}";
    }

    private static final String CONV_SHAPES = "[{\"float\":[1,32,56,56]},{\"float\":[128,32,1,1]},{\"float\":[128]}]";
    private static final String GELU_SHAPES = "[{\"float\":[1,128,56,56]}]";

    @Test
    void eachNodeCountsWithItsMedianSummedPerOperatorAndPerShape() {
        // Three runs: the first one slow (it must not count), two convolutions of one shape, one GELU.
        String json = "[{\"cat\":\"Session\",\"name\":\"model_run\",\"dur\":999},"
                + node("conv_a", "Conv", 900, CONV_SHAPES) + "," + node("conv_b", "Conv", 800, CONV_SHAPES) + "," + node("gelu", "Gelu", 500, GELU_SHAPES)
                + "," + node("conv_a", "Conv", 100, CONV_SHAPES) + "," + node("conv_b", "Conv", 60, CONV_SHAPES) + "," + node("gelu", "Gelu", 40, GELU_SHAPES)
                + "," + node("conv_a", "Conv", 110, CONV_SHAPES) + "," + node("conv_b", "Conv", 70, CONV_SHAPES) + "," + node("gelu", "Gelu", 45, GELU_SHAPES)
                + ",{\"cat\":\"Node\",\"name\":\"conv_a_fence_before\",\"dur\":0,\"args\":{\"op_name\":\"Conv\"}}]";
        OrtProfileSummary s = OrtProfileSummary.parse(json);
        assertEquals(3, s.runs());
        assertEquals(List.of(new OrtProfileSummary.Entry("Conv", 110 + 70, 2), new OrtProfileSummary.Entry("Gelu", 45, 1)), s.byOperator());
        assertEquals(List.of(new OrtProfileSummary.Entry("Conv [1x32x56x56, 128x32x1x1]", 180, 2),
                new OrtProfileSummary.Entry("Gelu [1x128x56x56]", 45, 1)), s.byShape());
        assertEquals(225, s.totalMicroseconds(), 1e-9);
    }

    @Test
    void anEvenNumberOfRunsTakesTheMeanOfTheMiddleTwo() {
        String json = "[" + node("gelu", "Gelu", 10, GELU_SHAPES) + "," + node("gelu", "Gelu", 30, GELU_SHAPES) + "]";
        assertEquals(20, OrtProfileSummary.parse(json).totalMicroseconds(), 1e-9);
    }

    @Test
    void aProfileWithoutNodeTimingsOrNotAnArrayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OrtProfileSummary.parse("{\"cat\":\"Node\"}"));
        assertThrows(IllegalArgumentException.class, () -> OrtProfileSummary.parse("[{\"cat\":\"Session\",\"name\":\"model_run\",\"dur\":5}]"));
    }
}
