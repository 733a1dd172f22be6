package org.tlsrpthub.hub.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.store.Database;

/** Small read helpers for assertions about the store. */
public final class Sql {
    private Sql() {}

    public static long count(Database db, String sql, Object... args) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public static List<List<Object>> rows(Database db, String sql, Object... args) throws SQLException {
        return db.withConnection(c -> {
            List<List<Object>> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) row.add(rs.getObject(i));
                    out.add(row);
                }
            }
            return out;
        });
    }

    /** The first column of each row, as text. */
    public static List<String> strings(Database db, String sql, Object... args) throws SQLException {
        return rows(db, sql, args).stream().map(row -> row.get(0) == null ? null : row.get(0).toString()).toList();
    }

    /** Changes rows behind the store's back (to simulate what an older release wrote). */
    public static int update(Database db, String sql, Object... args) throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = prepare(c, sql, args)) {
                return ps.executeUpdate();
            }
        });
    }

    public static byte[] bytes(Database db, String sql, Object... args) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps;
    }
}
