package org.openpartner.interconnect.api.dto;

import java.util.List;

/** The outcome of a bulk change: how many were changed, and why the others were not. */
public record BulkResult(int changed, List<Failure> failures) {

    public record Failure(String id, String code, String message) {
    }
}
