package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs a one-row {@code INSERT … VALUES (?, …) ON CONFLICT … DO NOTHING} for many rows in few
 * statements, and tells which rows were really inserted ({@code RETURNING id}: SQLite ≥ 3.35 and
 * PostgreSQL both have it). That is how the store learns, per row and without a read before the
 * write, whether a report is new or a duplicate; and it is one round trip per chunk, not per row.
 */
final class MultiRowInsert {
    /** Most rows per statement: well under both databases' limit of 32,766 parameters for the widest table. */
    static final int CHUNK = 128;

    @FunctionalInterface
    interface RowBinder {
        /** Binds row {@code row} starting at parameter {@code first}. */
        void bind(PreparedStatement ps, int first, int row) throws SQLException;
    }

    private MultiRowInsert() {}

    /** Inserts {@code rows} rows; returns the ids of those inserted (the others conflicted). */
    static Set<Long> insert(Connection c, String oneRowSql, int columns, int rows, RowBinder binder) throws SQLException {
        Set<Long> inserted = new HashSet<>(rows * 2);
        for (int start = 0, n; start < rows; start += n) {
            n = chunk(rows - start);
            try (PreparedStatement ps = c.prepareStatement(manyRows(oneRowSql, n))) {
                for (int i = 0; i < n; i++) binder.bind(ps, i * columns + 1, start + i);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) inserted.add(rs.getLong(1));
                }
            }
        }
        return inserted;
    }

    /**
     * Rows in the next statement when {@code remaining} are left: a power of two up to {@link #CHUNK},
     * so that a handful of statement texts serve every batch size and prepared statements are reused
     * (28 rows go as 16 + 8 + 4).
     */
    static int chunk(int remaining) {
        return Integer.highestOneBit(Math.min(remaining, CHUNK));
    }

    /** The statement with its VALUES group repeated {@code n} times and RETURNING id appended. */
    static String manyRows(String oneRowSql, int n) {
        int values = oneRowSql.indexOf("VALUES (");
        int open = values + "VALUES ".length();
        int close = oneRowSql.indexOf(')', open);
        String group = oneRowSql.substring(open, close + 1);
        StringBuilder sb = new StringBuilder(oneRowSql.length() + n * (group.length() + 2));
        sb.append(oneRowSql, 0, open);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            sb.append(group);
        }
        sb.append(oneRowSql, close + 1, oneRowSql.length());
        return sb.append(" RETURNING id").toString();
    }
}
