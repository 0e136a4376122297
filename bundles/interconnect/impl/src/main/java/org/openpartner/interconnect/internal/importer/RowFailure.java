package org.openpartner.interconnect.internal.importer;

import org.openpartner.platform.api.ApiException;

/** A company could not be written: the service refused the row at {@code line}. */
final class RowFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int line;
    final ApiException refusal;

    RowFailure(int line, ApiException refusal) {
        super(refusal.getMessage(), refusal, false, false);
        this.line = line;
        this.refusal = refusal;
    }
}
