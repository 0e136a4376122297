package org.openpartner.access.api.dto;

import java.util.List;

/**
 * Why a user can or cannot read and change a record: the object permission its roles give and every path that
 * reaches the record (ownership, data scope, each grant with its source).
 */
public record Explanation(String userId, String object, String recordId, boolean recordExists, Verdict read,
                          Verdict write) {

    /** Whether the access is allowed, and each reason for or against. */
    public record Verdict(boolean allowed, List<String> reasons) {
    }
}
