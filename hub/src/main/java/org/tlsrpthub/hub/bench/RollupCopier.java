package org.tlsrpthub.hub.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tlsrpthub.hub.store.Database;

/**
 * For the dashboard benchmark only: gives domains the rollup rows of a domain that was imported
 * whole, as if the same reports had been stored for them, without their raw inputs and report
 * rows. A year of a thousand domains then takes seconds instead of an hour of imports and
 * gigabytes of archive the dashboard never reads. The rows were written by the store's own rollup
 * code (the template was ingested); every rollup_* table with a policy_domain column is copied, so
 * a rollup table added later is copied too. Never used on a store holding real reports (see
 * {@link BenchStore}).
 */
public final class RollupCopier {
    private final List<String> inserts;

    private RollupCopier(List<String> inserts) {
        this.inserts = inserts;
    }

    /** Reads which rollup tables the store has. */
    public static RollupCopier of(Database db) throws SQLException {
        return new RollupCopier(db.withConnection(RollupCopier::inserts));
    }

    /** Copies, in one transaction, the rollups of each template domain (value) to its copy (key). */
    public void copy(Database db, Map<String, String> templateOfCopy) throws SQLException {
        db.inTransaction(c -> {
            for (String sql : inserts) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (Map.Entry<String, String> e : templateOfCopy.entrySet()) {
                        ps.setString(1, e.getKey());
                        ps.setString(2, e.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    // INSERT INTO t (a, policy_domain, b) SELECT a, ?, b FROM t WHERE policy_domain = ?, per rollup table.
    private static List<String> inserts(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "rollup%", new String[] {"TABLE"})) {
            while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
        }
        List<String> out = new ArrayList<>();
        for (String table : tables) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, null, table, null)) {
                while (rs.next()) columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            if (!columns.contains("policy_domain")) continue;
            List<String> selected = columns.stream().map(col -> col.equals("policy_domain") ? "CAST(? AS VARCHAR(255))" : col).toList();
            out.add("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", selected)
                    + " FROM " + table + " WHERE policy_domain = ?");
        }
        if (out.isEmpty()) throw new SQLException("no rollup table with a policy_domain column in this store");
        return out;
    }
}
