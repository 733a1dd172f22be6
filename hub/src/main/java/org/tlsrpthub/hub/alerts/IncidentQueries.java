package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;

/** The reads of incidents, limited to what the scope sees (another organisation's incident is not found). */
final class IncidentQueries {
    private IncidentQueries() {}

    static IncidentPage list(Connection c, Scope scope, IncidentFilter f, int page, int size) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.domain() != null) { where.append(" AND i.domain = ?"); args.add(f.domain()); }
        if (f.rule() != null) { where.append(" AND i.rule = ?"); args.add(f.rule()); }
        if (f.severity() != null) { where.append(" AND i.severity = ?"); args.add(f.severity().id()); }
        if (f.state() != null) { where.append(" AND i.state = ?"); args.add(f.state()); }
        where.append(ScopeSql.andDomainIn(scope, "i.domain"));
        long matching;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + IncidentSql.FROM + where)) {
            ScopeSql.bind(ps, bind(ps, args), scope);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                matching = rs.getLong(1);
            }
        }
        List<Incident> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + IncidentSql.COLUMNS + IncidentSql.FROM + where + IncidentSql.ORDER
                + " LIMIT ? OFFSET ?")) {
            int next = ScopeSql.bind(ps, bind(ps, args), scope);
            ps.setInt(next, size);
            ps.setLong(next + 1, (long) page * size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) items.add(IncidentRows.incident(rs));
            }
        }
        return new IncidentPage(items, matching, page, size);
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) ps.setString(i + 1, (String) args.get(i));
        return args.size() + 1;
    }

    static Optional<Incident> one(Connection c, Scope scope, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IncidentSql.ONE + ScopeSql.andDomainIn(scope, "i.domain"))) {
            ps.setLong(1, id);
            ScopeSql.bind(ps, 2, scope);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(IncidentRows.incident(rs)) : Optional.empty();
            }
        }
    }

    static List<IncidentEvent> history(Connection c, long id) throws SQLException {
        List<IncidentEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(IncidentSql.EVENTS)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IncidentEvent(java.time.Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), Severity.of(rs.getString(3)),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** Open incidents per domain the scope sees, with the worst severity among them. */
    static Map<String, OpenIncidents> openPerDomain(Connection c, Scope scope) throws SQLException {
        Map<String, OpenIncidents> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.domain, COUNT(*), SUM(CASE WHEN i.severity = 'critical' THEN 1 ELSE 0 END)"
                + " FROM incident i WHERE i.state = 'open'" + ScopeSql.andDomainIn(scope, "i.domain") + " GROUP BY i.domain")) {
            ScopeSql.bind(ps, 1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new OpenIncidents(rs.getLong(2), rs.getLong(3)));
            }
        }
        return out;
    }

    /** Open incidents per severity and rule, for the metric; keyed "severity\nrule". */
    static Map<String, Long> openCounts(Connection c, Scope scope) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.severity, i.rule, COUNT(*) FROM incident i WHERE i.state = 'open'"
                + ScopeSql.andDomainIn(scope, "i.domain") + " GROUP BY i.severity, i.rule")) {
            ScopeSql.bind(ps, 1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1) + "\n" + rs.getString(2), rs.getLong(3));
            }
        }
        return out;
    }
}
