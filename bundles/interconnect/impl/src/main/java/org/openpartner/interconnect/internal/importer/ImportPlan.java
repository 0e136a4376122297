package org.openpartner.interconnect.internal.importer;

import java.util.List;
import java.util.Set;

import org.openpartner.interconnect.api.dto.RejectedRow;

/**
 * What a file asks for: its companies in order of first appearance (the job's cursor counts through them), each
 * either valid or rejected with a reason per row.
 */
record ImportPlan(List<Company> companies, int totalRows) {

    /** One contact row after validation; {@code mobile} is E.164. */
    record Contact(int line, String name, String mobile, String email, boolean systemAdmin) {
    }

    /** A company of the file; {@code rejections} is empty when it is valid. */
    record Company(int ordinal, String name, String type, String level, Set<String> apps, List<Contact> contacts,
                   List<RejectedRow> rejections) {

        boolean valid() {
            return rejections.isEmpty();
        }

        int rows() {
            return valid() ? contacts.size() : rejections.size();
        }

        int firstLine() {
            return valid() ? contacts.get(0).line() : rejections.get(0).line();
        }
    }

    int rejectedRows() {
        return companies.stream().filter(c -> !c.valid()).mapToInt(Company::rows).sum();
    }

    long rejectedCompanies() {
        return companies.stream().filter(c -> !c.valid()).count();
    }
}
