package org.openpartner.interconnect.internal.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.openpartner.interconnect.api.ImportService;

/** The columns of an import file, recognised by header name ignoring case, spaces, dashes and underscores. */
enum Column {
    COMPANY(ImportService.COLUMN_COMPANY, true, "company", "companyname", "partner", "partnername"),
    TYPE(ImportService.COLUMN_TYPE, false, "partnertype", "type"),
    LEVEL(ImportService.COLUMN_LEVEL, false, "level", "partnerlevel"),
    CONTACT(ImportService.COLUMN_CONTACT, true, "contactname", "contact", "name"),
    MOBILE(ImportService.COLUMN_MOBILE, true, "mobile", "mobilephone", "mobilenumber", "phone"),
    EMAIL(ImportService.COLUMN_EMAIL, false, "email", "emailaddress"),
    SYSTEM_ADMIN(ImportService.COLUMN_SYSTEM_ADMIN, false, "systemadmin", "systemadministrator", "admin", "sysadmin"),
    APPS(ImportService.COLUMN_APPS, false, "apps", "app", "applications");

    final String header;
    final boolean required;
    private final List<String> keys;

    Column(String header, boolean required, String... keys) {
        this.header = header;
        this.required = required;
        this.keys = List.of(keys);
    }

    static Optional<Column> forHeader(String header) {
        String key = header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.*]", "");
        for (Column column : values()) {
            if (column.keys.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
