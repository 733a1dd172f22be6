package org.tlsrpthub.hub.audit;

import java.util.ArrayList;
import java.util.List;

/** The SQL of the audit log (V43__audit_log.sql); portable between SQLite and PostgreSQL. Inserts and reads only. */
final class AuditSql {
    private AuditSql() {}

    static final String INSERT = """
            INSERT INTO audit_log (at, org, actor, actor_kind, address, action, target, before, after, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String COLUMNS = "id, at, org, actor, actor_kind, address, action, target, before, after, detail";

    /** A WHERE clause for the query's filters and the values for its placeholders, in order. */
    record Filter(String where, List<Object> values) {}

    static Filter filter(AuditQuery q) {
        List<String> terms = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (q.org() != null) { terms.add("org = ?"); values.add(q.org()); }
        if (q.actor() != null) { terms.add("actor = ?"); values.add(q.actor()); }
        if (q.action() != null) { terms.add("action = ?"); values.add(q.action().text()); }
        if (q.since() != null) { terms.add("at >= ?"); values.add(q.since().toEpochMilli()); }
        if (q.until() != null) { terms.add("at < ?"); values.add(q.until().toEpochMilli()); }
        return new Filter(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), values);
    }

    static String count(Filter f) {
        return "SELECT COUNT(*) FROM audit_log" + f.where();
    }

    /** Newest first; the two placeholders after the filter's are LIMIT and OFFSET. */
    static String page(Filter f) {
        return "SELECT " + COLUMNS + " FROM audit_log" + f.where() + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?";
    }
}
