package org.openpartner.interconnect.internal.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.openpartner.interconnect.api.dto.RejectedRow;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.PhoneNumbers;

/**
 * The rules of SPEC S2 for an import file: rows with the same company name (ignoring case and spaces) form one
 * company; every contact needs a name and a valid mobile that no other row of the file has; a company needs at
 * least one system administrator and one partner type and level; a company with any bad row is rejected as a
 * whole, every one of its rows reported with its line. Pure: it reads no database, so the plan of a file is the
 * same each time the job runs.
 */
final class ImportRules {

    static final int MAX_NAME = 200;
    static final int MAX_TYPE = 64;
    static final int MAX_EMAIL = 254;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "x", "admin");
    private static final Set<String> NO = Set.of("", "no", "n", "false", "0");
    private static final Pattern APP_SEPARATOR = Pattern.compile("[;,|]");

    private final PhoneNumbers phones;
    private final Function<String, Optional<String>> appIds;

    /**
     * @param appIds finds the id of an installed app by its id or name (ignoring case)
     */
    ImportRules(PhoneNumbers phones, Function<String, Optional<String>> appIds) {
        this.phones = phones;
        this.appIds = appIds;
    }

    /** A row's fault: its reason code, the column and a message for people. */
    record Fault(String code, String field, String message) {
    }

    ImportPlan plan(List<SheetRow> rows) {
        Map<String, List<SheetRow>> byCompany = new LinkedHashMap<>();
        List<SheetRow> withoutCompany = new ArrayList<>();
        Map<String, List<Integer>> linesByMobile = new HashMap<>();
        Map<Integer, String> mobiles = new HashMap<>();
        Map<Integer, Fault> faults = new HashMap<>();
        for (SheetRow row : rows) {
            String company = row.get(Column.COMPANY);
            if (company.isBlank()) {
                withoutCompany.add(row);
            } else {
                byCompany.computeIfAbsent(Names.key(company), k -> new ArrayList<>()).add(row);
            }
            String mobile = normalizedMobile(row.get(Column.MOBILE));
            Fault fault = rowFault(row, mobile);
            if (fault != null) {
                faults.put(row.line(), fault);
            } else {
                mobiles.put(row.line(), mobile);
                linesByMobile.computeIfAbsent(mobile, m -> new ArrayList<>()).add(row.line());
            }
        }
        for (List<Integer> lines : linesByMobile.values()) {
            if (lines.size() > 1) {
                for (int line : lines) {
                    List<Integer> others = lines.stream().filter(l -> l != line).toList();
                    faults.put(line, new Fault("duplicate_mobile", Column.MOBILE.header,
                        "the mobile is also on line" + (others.size() > 1 ? "s " : " ") + join(others)
                            + "; every contact needs a mobile of its own"));
                }
            }
        }
        List<ImportPlan.Company> companies = new ArrayList<>();
        for (List<SheetRow> companyRows : byCompany.values()) {
            companies.add(company(companies.size(), companyRows, faults, mobiles));
        }
        // Rows without a company name cannot be grouped: each is reported on its own, after the companies.
        for (SheetRow row : withoutCompany) {
            companies.add(new ImportPlan.Company(companies.size(), "", null, null, Set.of(), List.of(),
                List.of(rejected(row, faults.get(row.line())))));
        }
        return new ImportPlan(List.copyOf(companies), rows.size());
    }

    private ImportPlan.Company company(int ordinal, List<SheetRow> rows, Map<Integer, Fault> faults,
                                       Map<Integer, String> mobiles) {
        String name = rows.get(0).get(Column.COMPANY);
        Map<Integer, Fault> companyFaults = new LinkedHashMap<>();
        for (SheetRow row : rows) {
            if (faults.containsKey(row.line())) {
                companyFaults.put(row.line(), faults.get(row.line()));
            }
        }
        String type = consistent(rows, Column.TYPE, "conflicting_type", companyFaults);
        String level = consistent(rows, Column.LEVEL, "conflicting_level", companyFaults);
        boolean anyAdmin = rows.stream().anyMatch(r -> YES.contains(flag(r)));
        if (!anyAdmin) {
            for (SheetRow row : rows) {
                companyFaults.putIfAbsent(row.line(), new Fault("no_system_admin", Column.SYSTEM_ADMIN.header,
                    "company '" + name + "' has no contact marked system admin; mark at least one"));
            }
        }
        if (!companyFaults.isEmpty()) {
            int firstBad = companyFaults.keySet().iterator().next();
            List<RejectedRow> rejections = new ArrayList<>();
            for (SheetRow row : rows) {
                Fault fault = companyFaults.getOrDefault(row.line(), new Fault("company_rejected", null,
                    "not imported because line " + firstBad + " of the same company is invalid"));
                rejections.add(rejected(row, fault));
            }
            return new ImportPlan.Company(ordinal, name, type, level, Set.of(), List.of(), List.copyOf(rejections));
        }
        Set<String> apps = new LinkedHashSet<>();
        List<ImportPlan.Contact> contacts = new ArrayList<>();
        for (SheetRow row : rows) {
            apps.addAll(apps(row.get(Column.APPS)));
            String email = row.get(Column.EMAIL);
            contacts.add(new ImportPlan.Contact(row.line(), Names.clean(row.get(Column.CONTACT)), mobiles.get(row.line()),
                email.isEmpty() ? null : email, YES.contains(flag(row))));
        }
        return new ImportPlan.Company(ordinal, Names.clean(name), type, level, Set.copyOf(apps), List.copyOf(contacts),
            List.of());
    }

    /** The mobile in E.164, or null when it is empty or not a valid mobile number. */
    private String normalizedMobile(String raw) {
        if (raw.isBlank()) {
            return null;
        }
        try {
            return phones.normalizeMobile(raw, Column.MOBILE.header);
        } catch (ApiException e) {
            return null;
        }
    }

    /** The first fault of a row on its own, or null; {@code normalizedMobile} is the row's mobile as normalised, or null. */
    private Fault rowFault(SheetRow row, String normalizedMobile) {
        String company = row.get(Column.COMPANY);
        if (company.isBlank()) {
            return new Fault("missing_company", Column.COMPANY.header, "the company name is empty");
        }
        if (company.length() > MAX_NAME) {
            return tooLong(Column.COMPANY, MAX_NAME);
        }
        if (row.get(Column.TYPE).length() > MAX_TYPE) {
            return tooLong(Column.TYPE, MAX_TYPE);
        }
        if (row.get(Column.LEVEL).length() > MAX_TYPE) {
            return tooLong(Column.LEVEL, MAX_TYPE);
        }
        String contact = row.get(Column.CONTACT);
        if (contact.isBlank()) {
            return new Fault("missing_contact_name", Column.CONTACT.header, "the contact name is empty");
        }
        if (contact.length() > MAX_NAME) {
            return tooLong(Column.CONTACT, MAX_NAME);
        }
        String mobile = row.get(Column.MOBILE);
        if (mobile.isBlank()) {
            return new Fault("missing_mobile", Column.MOBILE.header, "the mobile is empty; every contact needs one");
        }
        if (normalizedMobile == null) {
            return new Fault("invalid_mobile", Column.MOBILE.header, "'" + mobile + "' is not a valid mobile number");
        }
        String email = row.get(Column.EMAIL);
        if (email.length() > MAX_EMAIL) {
            return tooLong(Column.EMAIL, MAX_EMAIL);
        }
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            return new Fault("invalid_email", Column.EMAIL.header, "'" + email + "' is not a valid e-mail address");
        }
        String flag = flag(row);
        if (!YES.contains(flag) && !NO.contains(flag)) {
            return new Fault("invalid_system_admin", Column.SYSTEM_ADMIN.header, "'" + row.get(Column.SYSTEM_ADMIN)
                + "' is not yes or no");
        }
        for (String app : APP_SEPARATOR.split(row.get(Column.APPS))) {
            if (!app.isBlank() && appIds.apply(app.strip()).isEmpty()) {
                return new Fault("unknown_app", Column.APPS.header, "no app '" + app.strip() + "' is installed");
            }
        }
        return null;
    }

    private static String flag(SheetRow row) {
        return row.get(Column.SYSTEM_ADMIN).toLowerCase(Locale.ROOT);
    }

    private Set<String> apps(String cell) {
        Set<String> ids = new LinkedHashSet<>();
        for (String app : APP_SEPARATOR.split(cell)) {
            if (!app.isBlank()) {
                appIds.apply(app.strip()).ifPresent(ids::add);
            }
        }
        return ids;
    }

    /** The company's one value of a column; rows that name a different one are faults. Blank cells agree. */
    private static String consistent(List<SheetRow> rows, Column column, String code, Map<Integer, Fault> faults) {
        String value = null;
        for (SheetRow row : rows) {
            String cell = row.get(column);
            if (cell.isEmpty()) {
                continue;
            }
            if (value == null) {
                value = cell;
            } else if (!Names.key(value).equals(Names.key(cell))) {
                faults.putIfAbsent(row.line(), new Fault(code, column.header, "'" + cell + "' differs from '" + value
                    + "' on an earlier row of the same company"));
            }
        }
        return value;
    }

    private static Fault tooLong(Column column, int max) {
        return new Fault("too_long", column.header, column.header + " must be at most " + max + " characters");
    }

    private static RejectedRow rejected(SheetRow row, Fault fault) {
        return new RejectedRow(row.line(), row.get(Column.COMPANY), row.get(Column.CONTACT), row.get(Column.MOBILE),
            fault.code(), fault.field(), fault.message());
    }

    private static String join(List<Integer> lines) {
        return String.join(", ", lines.stream().map(String::valueOf).toList());
    }
}
