package org.openpartner.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints, per tenant, how many rows each table the import writes holds for it, so the benchmark shows that the
 * raw baseline wrote the same rows as the import.
 *
 * <pre>java [-Drows=leads] RowCounts jdbcUrl user password label=tenantId...</pre>
 * ({@code -Drows=leads}: the rows a lead import writes instead of a partner import's).
 */
public final class RowCounts {

    private static final Map<String, String> COUNTS = new LinkedHashMap<>();
    private static final Map<String, String> LEAD_COUNTS = new LinkedHashMap<>();
    private static final String EVENT_TYPES = "(EVENT_TYPE LIKE 'partner.c%' OR EVENT_TYPE LIKE 'connection.%')";

    static {
        LEAD_COUNTS.put("leads", "SELECT COUNT(*) FROM OP_LEAD WHERE TENANT_ID = ?");
        LEAD_COUNTS.put("events", "SELECT COUNT(*) FROM OP_AUDIT WHERE TENANT_ID = ? AND EVENT_TYPE = 'lead.created'");
        COUNTS.put("partners", "SELECT COUNT(*) FROM OP_PARTNER WHERE TENANT_ID = ? AND CONNECTED_ENTERPRISE_ID IS NOT NULL");
        COUNTS.put("contacts", "SELECT COUNT(*) FROM OP_PARTNER_CONTACT WHERE TENANT_ID = ?");
        COUNTS.put("companies", "SELECT COUNT(*) FROM OP_ENTERPRISE WHERE REGISTERED_BY = ?");
        COUNTS.put("users", "SELECT COUNT(*) FROM OP_USER u WHERE u.ENTERPRISE_ID IN "
            + "(SELECT e.ID FROM OP_ENTERPRISE e WHERE e.REGISTERED_BY = ?)");
        COUNTS.put("memberships", "SELECT COUNT(*) FROM OP_MEMBERSHIP WHERE TENANT_ID = ?");
        COUNTS.put("roles", "SELECT COUNT(*) FROM OP_USER_ROLE r WHERE r.TENANT_ID = ? AND r.ROLE_KEY = 'dealer-personnel'");
        COUNTS.put("connections", "SELECT COUNT(*) FROM OP_CONNECTION WHERE TENANT_ID = ?");
        COUNTS.put("apps", "SELECT COUNT(*) FROM OP_CONNECTION_APP WHERE TENANT_ID = ?");
        // Every event has its audit entry from the start; the outbox holds it only until the relay delivers it.
        COUNTS.put("events", "SELECT COUNT(*) FROM OP_AUDIT WHERE TENANT_ID = ? AND " + EVENT_TYPES);
    }

    private RowCounts() {
    }

    public static void main(String[] args) throws SQLException {
        Map<String, String> tables = "leads".equals(System.getProperty("rows")) ? LEAD_COUNTS : COUNTS;
        try (Connection db = args[1].isEmpty() ? DriverManager.getConnection(args[0])
            : DriverManager.getConnection(args[0], args[1], args[2])) {
            StringBuilder header = new StringBuilder(String.format("%-10s", "rows"));
            tables.keySet().forEach(k -> header.append(String.format(" %11s", k)));
            System.out.println(header);
            for (int i = 3; i < args.length; i++) {
                String[] labelled = args[i].split("=", 2);
                List<Long> counts = new ArrayList<>();
                for (String sql : tables.values()) {
                    try (PreparedStatement count = db.prepareStatement(sql)) {
                        count.setString(1, labelled[1]);
                        try (ResultSet rs = count.executeQuery()) {
                            rs.next();
                            counts.add(rs.getLong(1));
                        }
                    }
                }
                StringBuilder line = new StringBuilder(String.format("%-10s", labelled[0]));
                counts.forEach(c -> line.append(String.format(" %11d", c)));
                System.out.println(line);
            }
        }
    }
}
