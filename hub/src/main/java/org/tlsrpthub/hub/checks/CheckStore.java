package org.tlsrpthub.hub.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Dialect;
import org.tlsrpthub.hub.store.InList;

/**
 * Stored live checks: each check with its findings and the events it shows against the domain's
 * previous one, written in one transaction (saves of one domain take turns, see {@link #save}). History is bounded: of each domain, the newest
 * {@code keep} checks stay, and older ones only when they showed a change (they carry an event).
 * Reads here are not scoped: {@link LiveCheckService} checks the scope first.
 */
public final class CheckStore {
    private final Database db;
    private final int keep;

    /** @param keep how many of a domain's newest checks are kept whatever they showed (checks.history-keep) */
    public CheckStore(Database db, int keep) {
        if (keep < 1) throw new IllegalArgumentException("checks.history-keep must be at least 1, not " + keep);
        this.db = db;
        this.keep = keep;
    }

    /** Stores {@code check} and the events since the domain's previous check; returns the events. */
    public List<CheckEvent> save(DomainCheck check, String source) throws SQLException {
        String body = Json.text(check);
        CheckFacts f = CheckFacts.of(check);
        return db.inTransaction(c -> {
            serialise(c, check.domain());
            DomainCheck previous = latest(c, check.domain()).map(StoredCheck::check).orElse(null);
            long id;
            try (PreparedStatement ps = c.prepareStatement(CheckSql.INSERT_RESULT)) {
                int i = 1;
                ps.setString(i++, check.domain());
                ps.setLong(i++, check.checkedAt().toEpochMilli());
                ps.setString(i++, source);
                ps.setInt(i++, f.errors());
                ps.setInt(i++, f.warnings());
                ps.setString(i++, f.tlsrptStatus());
                ps.setInt(i++, f.reachesHub() ? 1 : 0);
                ps.setString(i++, check.tlsrpt() == null ? null : check.tlsrpt().publish());
                ps.setString(i++, f.mtaStsRecord());
                ps.setString(i++, f.policyStatus());
                ps.setString(i++, f.policyMode());
                ps.setString(i++, f.policyId());
                ps.setInt(i++, f.mxCount());
                setFlag(ps, i++, f.mxCovered());
                setFlag(ps, i++, f.starttlsAll());
                if (f.minDaysToExpiry() == null) ps.setNull(i++, Types.INTEGER); else ps.setInt(i++, f.minDaysToExpiry());
                ps.setString(i++, f.daneStatus());
                ps.setString(i++, body);
                MtaStsState sts = check.mtaSts();
                ps.setString(i++, sts == null || sts.mx() == null || sts.mx().isEmpty() ? null : String.join("\n", sts.mx()));
                if (sts == null || sts.maxAge() == null) ps.setNull(i, Types.BIGINT); else ps.setLong(i, sts.maxAge());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CheckSql.INSERT_FINDING)) {
                int position = 0;
                for (Finding finding : check.findings()) {
                    ps.setLong(1, id);
                    ps.setInt(2, position++);
                    ps.setString(3, finding.id());
                    ps.setString(4, finding.severity().id());
                    ps.setString(5, finding.subject());
                    ps.addBatch();
                }
                if (position > 0) ps.executeBatch();
            }
            List<CheckEvent> events = EventDiff.between(previous, check);
            insertEvents(c, events, id);
            try (PreparedStatement ps = c.prepareStatement(CheckSql.SET_LATEST)) {
                ps.setString(1, check.domain());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            prune(c, check.domain());
            return events;
        });
    }

    /**
     * Makes saves of one domain take turns, so each diffs against the check saved before it: a "check
     * now" overlapping the scheduled check must not record the same change twice. SQLite's
     * transactions begin IMMEDIATE (one writer at a time), so the read of the previous check is
     * already inside the turn. PostgreSQL takes a lock on the domain for the transaction; a lock
     * rather than the {@code check_latest} row because the domain's first check has no row to lock.
     */
    private void serialise(Connection c, String domain) throws SQLException {
        if (db.dialect() != Dialect.POSTGRESQL) return;
        try (PreparedStatement ps = c.prepareStatement(CheckSql.LOCK_DOMAIN)) {
            ps.setString(1, domain);
            ps.execute();
        }
    }

    private static void insertEvents(Connection c, List<CheckEvent> events, long resultId) throws SQLException {
        if (events.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(CheckSql.INSERT_EVENT)) {
            for (CheckEvent e : events) {
                ps.setString(1, e.domain());
                ps.setLong(2, e.at().toEpochMilli());
                ps.setString(3, e.kind().id());
                ps.setString(4, e.subject());
                ps.setString(5, e.finding());
                ps.setString(6, e.severity() == null ? null : e.severity().id());
                ps.setString(7, e.detail());
                ps.setLong(8, resultId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void prune(Connection c, String domain) throws SQLException {
        long oldestKept;
        try (PreparedStatement ps = c.prepareStatement(CheckSql.NTH_NEWEST)) {
            ps.setString(1, domain);
            ps.setInt(2, keep - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return;
                oldestKept = rs.getLong(1);
            }
        }
        for (String sql : List.of(CheckSql.PRUNE_FINDINGS, CheckSql.PRUNE_RESULTS)) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, domain);
                ps.setLong(2, oldestKept);
                ps.executeUpdate();
            }
        }
    }

    private static void setFlag(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) ps.setNull(index, Types.INTEGER);
        else ps.setInt(index, value ? 1 : 0);
    }

    public Optional<StoredCheck> latest(String domain) throws SQLException {
        return db.withConnection(c -> latest(c, domain));
    }

    private static Optional<StoredCheck> latest(Connection c, String domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CheckSql.LATEST)) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    /** Those of {@code domains} (at least one) with any stored check, on the caller's connection. */
    public static Set<String> checkedAmong(Connection c, List<String> domains) throws SQLException {
        return InList.among(c, CheckSql::checkedAmong, domains);
    }

    /** The domain's newest check taken at or before {@code at}, on the caller's connection (the alert rules read it). */
    public static Optional<StoredCheck> latestAt(Connection c, String domain, Instant at) throws SQLException {
        return historyAt(c, domain, at, 1).stream().findFirst();
    }

    /** The domain's checks taken at or before {@code at}, newest first, on the caller's connection. */
    public static List<StoredCheck> historyAt(Connection c, String domain, Instant at, int limit) throws SQLException {
        List<StoredCheck> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CheckSql.HISTORY_AT)) {
            ps.setString(1, domain);
            ps.setLong(2, at.toEpochMilli());
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(stored(rs));
            }
        }
        return out;
    }

    /**
     * The MTA-STS policy each of the domain's checks taken at or before {@code at} fetched, newest
     * first, from the check's columns rather than its body.
     */
    public static List<FetchedPolicy> policiesAt(Connection c, String domain, Instant at, int limit) throws SQLException {
        List<FetchedPolicy> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CheckSql.POLICIES_AT)) {
            ps.setString(1, domain);
            ps.setLong(2, at.toEpochMilli());
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant checkedAt = Instant.ofEpochMilli(rs.getLong(1));
                    String status = rs.getString(2), mode = rs.getString(3), mx = rs.getString(4);
                    long maxAge = rs.getLong(5);
                    Long givenMaxAge = rs.wasNull() ? null : maxAge;
                    out.add(new FetchedPolicy(checkedAt, status, mode, mx == null ? List.of() : List.of(mx.split("\n")), givenMaxAge));
                }
            }
        }
        return out;
    }

    /** The domain's stored checks, newest first. */
    public List<StoredCheck> history(String domain, int limit) throws SQLException {
        return db.withConnection(c -> {
            List<StoredCheck> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CheckSql.HISTORY)) {
                ps.setString(1, domain);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(stored(rs));
                }
            }
            return out;
        });
    }

    private static StoredCheck stored(ResultSet rs) throws SQLException {
        try {
            return new StoredCheck(rs.getLong(1), rs.getString(2), Json.MAPPER.readValue(rs.getString(3), DomainCheck.class));
        } catch (JsonProcessingException e) {
            throw new SQLException("check_result " + rs.getLong(1) + ": the stored check does not read back: " + e.getOriginalMessage(), e);
        }
    }

    /** Every served domain (all organisations) and when it was last checked (null: never). */
    public Map<String, Instant> schedule() throws SQLException {
        return db.withConnection(c -> {
            Map<String, Instant> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(CheckSql.SCHEDULE); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String domain = rs.getString(1);
                    long at = rs.getLong(2);
                    out.put(domain, rs.wasNull() ? null : Instant.ofEpochMilli(at));
                }
            }
            return out;
        });
    }

    /** The served domains {@code scope} sees, with their newest check's facts. */
    public List<CoverageRow> coverage(Scope scope) throws SQLException {
        return db.withConnection(c -> {
            List<CoverageRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CheckSql.coverage(scope))) {
                ScopeSql.bind(ps, 1, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(coverageRow(rs));
                }
            }
            return out;
        });
    }

    private static CoverageRow coverageRow(ResultSet rs) throws SQLException {
        long at = rs.getLong(2);
        if (rs.wasNull()) return new CoverageRow(rs.getString(1), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        return new CoverageRow(rs.getString(1), Instant.ofEpochMilli(at), rs.getInt(3), rs.getInt(4), rs.getString(5),
                rs.getInt(6) == 1, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getInt(12), flag(rs, 13), flag(rs, 14), integer(rs, 15), rs.getString(16));
    }

    private static Boolean flag(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v == 1;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** Whether the domain is one the hub knows (served, or seen in reports) and {@code scope} sees. */
    public boolean visible(Scope scope, String domain) throws SQLException {
        return db.withConnection(c -> {
            if (!ScopeSql.sees(c, scope, domain)) return false;
            try (PreparedStatement ps = c.prepareStatement(CheckSql.KNOWN_DOMAIN)) {
                ps.setString(1, domain);
                ps.setString(2, domain);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
