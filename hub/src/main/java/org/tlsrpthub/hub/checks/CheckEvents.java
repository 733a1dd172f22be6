package org.tlsrpthub.hub.checks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsrpthub.hub.store.Database;

/**
 * What the alert rules read of the live checks (docs/scheduled-checks.md, "Events"): the changes in
 * the order they were stored, from a cursor, and each domain's newest check. Whole-hub reads: the
 * rules run as a background job and route by the domain's organisation themselves.
 */
public final class CheckEvents {
    private final Database db;
    private final CheckStore store;

    public CheckEvents(Database db, CheckStore store) {
        this.db = db;
        this.store = store;
    }

    /** Events with an id above {@code afterId}, oldest first, at most {@code limit}; pass the last id read to read on. */
    public List<CheckEvent> since(long afterId, int limit) throws SQLException {
        return read(CheckSql.EVENTS_SINCE, ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
        });
    }

    /** The domain's newest events first. */
    public List<CheckEvent> ofDomain(String domain, int limit) throws SQLException {
        return read(CheckSql.EVENTS_OF_DOMAIN, ps -> {
            ps.setString(1, domain);
            ps.setInt(2, limit);
        });
    }

    /** The domain's newest check: the state a rule compares with ("is the certificate still expiring?"). */
    public Optional<StoredCheck> latest(String domain) throws SQLException {
        return store.latest(domain);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<CheckEvent> read(String sql, Binder binder) throws SQLException {
        return db.withConnection(c -> {
            List<CheckEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String severity = rs.getString(7);
                        out.add(new CheckEvent(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                CheckEvent.Kind.of(rs.getString(4)), rs.getString(5), rs.getString(6),
                                severity == null ? null : FindingSeverity.valueOf(severity.toUpperCase(java.util.Locale.ROOT)),
                                rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }
}
