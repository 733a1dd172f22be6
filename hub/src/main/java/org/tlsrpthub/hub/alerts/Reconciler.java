package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tlsrpthub.hub.store.Dialect;
import org.tlsrpthub.hub.store.InList;

/**
 * Turns an evaluation into incident changes, in the caller's transaction: opens an incident for a new
 * condition, updates it only on a material change (higher severity, a new reporter or MX, the rate
 * doubled), resolves it once its condition has been absent for {@code resolveAfter}. Each transition
 * is written to the history and handed to the {@link TransitionSink} on the same connection; while an
 * incident is snoozed its updates are recorded but not handed on.
 */
final class Reconciler {
    private final Duration resolveAfter;
    private final TransitionSink sink;

    Reconciler(Duration resolveAfter, TransitionSink sink) {
        this.resolveAfter = resolveAfter;
        this.sink = sink;
    }

    /** An open incident as the reconciler reads it: its evidence as stored, parsed only if it resolves. */
    private record Open(Incident incident, SortedSet<String> parties, String evidenceJson) {}

    IncidentChanges apply(Connection c, Evaluation e) throws SQLException {
        Map<String, Open> open = open(c, e);
        long at = e.at().toEpochMilli();
        int opened = 0, updated = 0, resolved = 0;
        // most signals are still firing, nothing material: their refreshes go as two batches, not a statement each
        try (PreparedStatement seen = c.prepareStatement(IncidentSql.SEEN); PreparedStatement unchanged = c.prepareStatement(IncidentSql.SEEN_UNCHANGED)) {
            for (Signal s : e.signals()) {
                Open o = open.remove(s.key());
                if (o == null) {
                    opened++;
                    open(c, s, at);
                } else if (material(o, s)) {
                    updated++;
                    update(c, o, s, at);
                } else {
                    seen(seen, unchanged, o, s, at);
                }
            }
            seen.executeBatch();
            unchanged.executeBatch();
        }
        for (Open o : open.values()) {
            Incident i = o.incident();
            if (Duration.between(i.lastSeenAt(), e.at()).compareTo(resolveAfter) < 0) continue;
            resolved++;
            try (PreparedStatement ps = c.prepareStatement(IncidentSql.RESOLVE)) {
                ps.setLong(1, at);
                ps.setLong(2, at);
                ps.setLong(3, i.id());
                ps.executeUpdate();
            }
            String summary = "resolved: the condition has been clear since " + i.lastSeenAt() + " (" + i.summary() + ")";
            event(c, i.id(), at, "resolved", i.severity(), null, summary);
            sink.enqueue(c, transition(i.id(), IncidentTransition.Kind.RESOLVED, i.org(), i.domain(), i.rule(), i.subject(), i.severity(),
                    e.at(), summary, IncidentRows.evidence(o.evidenceJson())));
        }
        return new IncidentChanges(opened, updated, resolved);
    }

    /** The open incidents the evaluation speaks for: all after a full one, else those of its domains. */
    private static Map<String, Open> open(Connection c, Evaluation e) throws SQLException {
        Map<String, Open> out = new TreeMap<>();
        if (e.full()) {
            try (PreparedStatement ps = c.prepareStatement(IncidentSql.OPEN_ALL)) {
                read(ps, out);
            }
        } else {
            List<String> domains = new ArrayList<>(e.domains());
            Dialect dialect = Dialect.of(c);
            for (int from = 0; from < domains.size(); from += Evaluator.CHUNK) {
                List<String> some = domains.subList(from, Math.min(domains.size(), from + Evaluator.CHUNK));
                try (PreparedStatement ps = c.prepareStatement(IncidentSql.openOfDomains(dialect, InList.slots(some.size())))) {
                    InList.bind(ps, 1, some);
                    read(ps, out);
                }
            }
        }
        return out;
    }

    private static void read(PreparedStatement ps, Map<String, Open> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Incident i = IncidentRows.incident(rs, Map.of());
                out.put(i.domain() + "\n" + i.rule() + "\n" + i.subject(), new Open(i, IncidentRows.parties(rs), rs.getString(9)));
            }
        }
    }

    static boolean material(Open o, Signal s) {
        Incident i = o.incident();
        if (s.severity().compareTo(i.severity()) > 0) return true;
        if (!o.parties().containsAll(s.parties())) return true;
        return s.ratePercent() != null && i.ratePercent() != null && s.ratePercent() >= 2 * i.ratePercent() && s.ratePercent() > 0;
    }

    private void open(Connection c, Signal s, long at) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(IncidentSql.INSERT)) {
            ps.setString(1, s.domain());
            ps.setString(2, s.rule());
            ps.setString(3, s.subject());
            ps.setString(4, s.severity().id());
            ps.setString(5, s.summary());
            rate(ps, 6, s.ratePercent());
            ps.setString(7, IncidentRows.parties(s.parties()));
            ps.setString(8, IncidentRows.json(s.evidence()));
            ps.setLong(9, at);
            ps.setLong(10, at);
            ps.setLong(11, at);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        event(c, id, at, "opened", s.severity(), null, s.summary());
        sink.enqueue(c, transition(id, IncidentTransition.Kind.OPENED, orgOf(c, s.domain()), s.domain(), s.rule(), s.subject(), s.severity(),
                Instant.ofEpochMilli(at), s.summary(), s.evidence()));
    }

    private void update(Connection c, Open o, Signal s, long at) throws SQLException {
        Incident i = o.incident();
        TreeSet<String> parties = new TreeSet<>(o.parties());
        parties.addAll(s.parties());
        try (PreparedStatement ps = c.prepareStatement(IncidentSql.UPDATE)) {
            ps.setString(1, s.severity().id());
            ps.setString(2, s.summary());
            rate(ps, 3, s.ratePercent());
            ps.setString(4, IncidentRows.parties(parties));
            ps.setString(5, IncidentRows.json(s.evidence()));
            ps.setLong(6, at);
            ps.setLong(7, at);
            ps.setLong(8, i.id());
            ps.executeUpdate();
        }
        event(c, i.id(), at, "updated", s.severity(), null, s.summary());
        if (i.snoozedAt(Instant.ofEpochMilli(at))) return;
        sink.enqueue(c, transition(i.id(), IncidentTransition.Kind.UPDATED, i.org(), s.domain(), s.rule(), s.subject(), s.severity(),
                Instant.ofEpochMilli(at), s.summary(), s.evidence()));
    }

    /** Still firing without a material change: the numbers are refreshed and a lower severity is taken, silently (batched). */
    private static void seen(PreparedStatement seen, PreparedStatement unchanged, Open o, Signal s, long at) throws SQLException {
        TreeSet<String> parties = new TreeSet<>(o.parties());
        parties.addAll(s.parties());
        String evidence = IncidentRows.json(s.evidence());
        Incident i = o.incident();
        if (evidence.equals(o.evidenceJson()) && s.severity() == i.severity() && s.summary().equals(i.summary())
                && parties.equals(o.parties())) {
            unchanged.setLong(1, at);
            unchanged.setLong(2, i.id());
            unchanged.addBatch();
            return;
        }
        seen.setString(1, s.severity().id());
        seen.setString(2, s.summary());
        seen.setString(3, IncidentRows.parties(parties));
        seen.setString(4, evidence);
        seen.setLong(5, at);
        seen.setLong(6, i.id());
        seen.addBatch();
    }

    static void event(Connection c, long id, long at, String kind, Severity severity, String actor, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IncidentSql.EVENT)) {
            ps.setLong(1, id);
            ps.setLong(2, at);
            ps.setString(3, kind);
            ps.setString(4, severity.id());
            ps.setString(5, actor);
            ps.setString(6, detail);
            ps.executeUpdate();
        }
    }

    private static void rate(PreparedStatement ps, int index, Double rate) throws SQLException {
        if (rate == null) ps.setNull(index, Types.DOUBLE);
        else ps.setDouble(index, rate);
    }

    private static String orgOf(Connection c, String domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IncidentSql.ORG_OF)) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static IncidentTransition transition(long id, IncidentTransition.Kind kind, String org, String domain, String rule,
                                                 String subject, Severity severity, Instant at, String summary,
                                                 Map<String, Object> evidence) {
        // the transition's evidence map must not hold nulls (Map.copyOf)
        Map<String, Object> copy = new HashMap<>();
        evidence.forEach((k, v) -> { if (v != null) copy.put(k, v); });
        return new IncidentTransition(id, kind, org, domain, rule, subject, severity.id(), at, summary, copy, "/incidents/" + id);
    }
}
