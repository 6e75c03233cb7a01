package dev.efficientformer.backend.dnnl;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.bindings.dnnl.dnnl_h;

/**
 * A oneDNN call returned an error status. The message names the call, what it was for, and the
 * status ({@code dnnl_unimplemented}, ...).
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class DnnlException extends EfficientFormerException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** An exception for {@code status} returned while doing {@code what}. */
    public DnnlException(String what, int status) {
        super("oneDNN failed to " + what + ": " + statusName(status) + " (" + status + ")");
        this.status = status;
    }

    /** The {@code dnnl_status_t} value. */
    public int status() {
        return status;
    }

    /** The name of a {@code dnnl_status_t} value, from the bindings' constants. */
    static String statusName(int status) {
        for (var e : STATUS_NAMES.entrySet()) {
            if (e.getValue().getAsInt() == status) {
                return e.getKey();
            }
        }
        return "unknown status";
    }

    private static final java.util.Map<String, java.util.function.IntSupplier> STATUS_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("dnnl_success", dnnl_h::dnnl_success),
            java.util.Map.entry("dnnl_out_of_memory", dnnl_h::dnnl_out_of_memory),
            java.util.Map.entry("dnnl_invalid_arguments", dnnl_h::dnnl_invalid_arguments),
            java.util.Map.entry("dnnl_unimplemented", dnnl_h::dnnl_unimplemented),
            java.util.Map.entry("dnnl_last_impl_reached", dnnl_h::dnnl_last_impl_reached),
            java.util.Map.entry("dnnl_runtime_error", dnnl_h::dnnl_runtime_error),
            java.util.Map.entry("dnnl_not_required", dnnl_h::dnnl_not_required),
            java.util.Map.entry("dnnl_invalid_graph", dnnl_h::dnnl_invalid_graph),
            java.util.Map.entry("dnnl_invalid_graph_op", dnnl_h::dnnl_invalid_graph_op),
            java.util.Map.entry("dnnl_invalid_shape", dnnl_h::dnnl_invalid_shape),
            java.util.Map.entry("dnnl_invalid_data_type", dnnl_h::dnnl_invalid_data_type));

    /**
     * Throws unless {@code status} is {@code dnnl_success}.
     *
     * @throws DnnlException naming {@code what}
     */
    static void check(int status, String what) {
        if (status != 0) {
            throw new DnnlException(what, status);
        }
    }
}
