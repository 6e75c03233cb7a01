package dev.efficientformer.backend.acl;

import static dev.efficientformer.bindings.acl.efficientformer_acl_h.*;

import dev.efficientformer.EfficientFormerException;
import java.lang.foreign.MemorySegment;

/**
 * A call into the Arm Compute Library shim returned an error status. The message names what was
 * being done, the shim's own description of the error ({@code efacl_last_error}, read on the
 * failing thread at once) and the status ({@code EFACL_ERR_UNSUPPORTED}, ...).
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class AclException extends EfficientFormerException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** An exception for {@code status} returned while doing {@code what}; reads this thread's last error. */
    public AclException(String what, int status) {
        super("the Arm Compute Library shim failed to " + what + ": " + string(efacl_last_error()) + " ("
                + string(efacl_status_name(status)) + ", " + status + ")");
        this.status = status;
    }

    /** The {@code EFACL_*} status. */
    public int status() {
        return status;
    }

    private static String string(MemorySegment p) {
        return p.equals(MemorySegment.NULL) ? "" : p.getString(0);
    }

    /**
     * Throws unless {@code status} is {@code EFACL_OK}.
     *
     * @throws AclException naming {@code what}
     */
    static void check(int status, String what) {
        if (status != EFACL_OK()) {
            throw new AclException(what, status);
        }
    }
}
