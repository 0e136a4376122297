package org.openpartner.platform.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one error shape of the API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String message, String field, Integer line) {

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(code, message, null, null);
    }
}
