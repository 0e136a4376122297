package org.openpartner.platform.internal.rest;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit. */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
