package org.tlsrpthub.hub.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;

/**
 * The audit log: who did what, when, from where, on what, before and after. Features record their
 * actions with {@link #record(Connection, AuditEvent)} inside the transaction of the action itself,
 * so that the action and its entry commit together or not at all. Nothing here updates or deletes an
 * entry, and the database refuses both (triggers of V43__audit_log.sql).
 *
 * <p>Reading needs the admin role: an organisation's admins read their organisation's entries, hub
 * admins (and the local command line) every entry, hub-wide ones included.
 */
public final class AuditLog {
    public static final int MAX_SIZE = 500;
    /** The CSV export's limit; a narrower time range gets the rest. */
    public static final int MAX_EXPORT = 100_000;
    // A key that names a secret: its value must never reach the log, whatever a caller passes.
    private static final Pattern SECRET_KEY = Pattern.compile("\"[^\"]*(?i:password|secret)[^\"]*\"\\s*:");

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Refused: the scope may not read what it asked for. */
    public static final class NotAllowed extends RuntimeException {
        NotAllowed(String message) {
            super(message);
        }
    }

    /** Records {@code event} in the transaction open on {@code c}: it commits with the action or not at all. */
    public void record(Connection c, AuditEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AuditSql.INSERT)) {
            ps.setLong(1, clock.millis());
            ps.setString(2, event.org());
            ps.setString(3, event.actor().name());
            ps.setString(4, event.actor().kind().text());
            ps.setString(5, event.actor().address());
            ps.setString(6, event.action().text());
            ps.setString(7, event.target());
            ps.setString(8, json(event.before()));
            ps.setString(9, json(event.after()));
            ps.setString(10, event.detail());
            ps.executeUpdate();
        }
    }

    /** Records {@code event} in a transaction of its own, for actions that have none (a failed sign-in, a batch run). */
    public void record(AuditEvent event) throws SQLException {
        db.inTransaction(c -> {
            record(c, event);
            return null;
        });
    }

    private static String json(Object state) {
        if (state == null) return null;
        String text = state instanceof String s ? s : Json.text(state);
        if (SECRET_KEY.matcher(text).find()) {
            throw new IllegalArgumentException("the audit log keeps no secrets: a state names a password or secret");
        }
        return text;
    }

    /** One page of the entries {@code scope} may read that match {@code query}, newest first. */
    public AuditPage read(Scope scope, AuditQuery query, int page, int size) throws SQLException {
        if (page < 0) throw new IllegalArgumentException("page must not be negative");
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        AuditSql.Filter f = AuditSql.filter(visibleTo(scope, query));
        return db.withConnection(c -> {
            long matching;
            try (PreparedStatement ps = c.prepareStatement(AuditSql.count(f))) {
                bind(ps, f);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    matching = rs.getLong(1);
                }
            }
            return new AuditPage(page, size, matching, entries(c, f, (long) page * size, size));
        });
    }

    /** Every entry {@code scope} may read that matches {@code query}, newest first, at most {@link #MAX_EXPORT}. */
    public List<AuditEntry> export(Scope scope, AuditQuery query) throws SQLException {
        AuditSql.Filter f = AuditSql.filter(visibleTo(scope, query));
        return db.withConnection(c -> entries(c, f, 0, MAX_EXPORT));
    }

    /**
     * The query as {@code scope} may run it: hub admins as asked, an organisation's admin limited to
     * their organisation; anyone else is refused.
     */
    static AuditQuery visibleTo(Scope scope, AuditQuery query) {
        if (!scope.may(Role.ADMIN)) {
            throw new NotAllowed("reading the audit log needs the admin role; yours is " + scope.role().text());
        }
        if (scope.hubAdmin()) return query;
        if (query.org() != null && !query.org().equals(scope.org())) {
            throw new NotAllowed("you may read the audit log of organisation '" + scope.org() + "' only");
        }
        return query.inOrg(scope.org());
    }

    private static List<AuditEntry> entries(Connection c, AuditSql.Filter f, long offset, int limit) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(AuditSql.page(f))) {
            int i = bind(ps, f);
            ps.setInt(i++, limit);
            ps.setLong(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11)));
                }
            }
        }
        return out;
    }

    /** Binds the filter's values; returns the next placeholder's index. */
    private static int bind(PreparedStatement ps, AuditSql.Filter f) throws SQLException {
        int i = 1;
        for (Object v : f.values()) ps.setObject(i++, v);
        return i;
    }
}
