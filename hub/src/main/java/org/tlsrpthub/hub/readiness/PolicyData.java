package org.tlsrpthub.hub.readiness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tlsrpthub.hub.store.InList;

/**
 * What the policy rollups hold about one domain up to a day: which policies were applied (only
 * {@code sts} ones become versions), when each reporter applied each, and the cells of the window.
 *
 * @param versionOfKey the version of every {@code sts} policy key; other policy types are absent
 * @param spans        per reporter and sts policy key, the first and last day reported
 * @param cells        the window's cells, in no particular order
 * @param otherTypes   whether reports named a policy other than sts (tlsa, no-policy-found)
 * @param policyless   keys under which a sender had no policy to apply: no-policy-found, or sts
 *                     without a mode (a sender that could not fetch the policy reports either way)
 */
public record PolicyData(Map<String, PolicyVersion> versionOfKey, List<Span> spans, List<Cell> cells, boolean otherTypes,
        Set<String> policyless) {

    record Span(String reporter, String policyKey, int firstDay, int lastDay) {}

    /** One cell of {@code rollup_policy_daily}: the sessions of a day, reporter, applied policy, kind, result type and MX. */
    public record Cell(int day, String reporter, String policyKey, String kind, String resultType, String mx, long sessions) {}

    /** Nothing reported. */
    static PolicyData none() {
        return new PolicyData(Map.of(), List.of(), List.of(), false, Set.of());
    }

    /** The same data with only the cells of the days from {@code fromDay} on. */
    PolicyData since(int fromDay) {
        List<Cell> kept = new ArrayList<>(cells.size());
        for (Cell c : cells) if (c.day() >= fromDay) kept.add(c);
        return new PolicyData(versionOfKey, spans, kept, otherTypes, policyless);
    }

    /** Reads the domain's policies and spans before {@code endDay}, and the cells of [{@code fromDay}, {@code endDay}). */
    static PolicyData read(Connection c, String domain, int fromDay, int endDay) throws SQLException {
        return readAll(c, List.of(domain), fromDay, fromDay, endDay, null).get(domain);
    }

    /**
     * As {@link #read} for each of {@code domains} (distinct names), a statement per table for all of
     * them, with the report cells (kind R) alone of the days from {@code reportsFromDay} to
     * {@code fromDay}, the cells through {@code cache} unless it is null; a domain nothing was
     * reported about gets {@link #none()}.
     */
    public static Map<String, PolicyData> readAll(Connection c, List<String> domains, int reportsFromDay, int fromDay, int endDay,
            PolicyCellsCache cache) throws SQLException {
        Map<String, Reading> of = new HashMap<>();
        for (String d : domains) of.put(d, new Reading());
        int slots = InList.slots(domains.size());
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.applied(slots))) {
            InList.bind(ps, 1, domains);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Reading r = of.get(rs.getString(1));
                    String key = rs.getString(2);
                    PolicyVersion v = "sts".equals(rs.getString(3)) ? PolicyVersion.of(rs.getString(4), rs.getString(5)) : null;
                    if (v != null && !v.mode().isEmpty()) r.versions.put(key, v);
                    else r.policyless.add(key);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.otherTypes(slots))) {
            InList.bind(ps, 1, domains);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) of.get(rs.getString(1)).other = true;
            }
        }
        spans(c, domains, slots, endDay, of);
        PolicyCells.read(c, domains, reportsFromDay, fromDay, endDay, cache).forEach((d, cells) -> of.get(d).cells = cells);
        Map<String, PolicyData> out = new HashMap<>();
        of.forEach((d, r) -> out.put(d, r.data()));
        return out;
    }

    /** One domain's data as it is read. */
    private static final class Reading {
        final Map<String, PolicyVersion> versions = new HashMap<>();
        final Set<String> policyless = new HashSet<>();
        final List<Span> spans = new ArrayList<>();
        final List<Span> runningOn = new ArrayList<>();
        List<Cell> cells = List.of();
        boolean other;

        PolicyData data() {
            // one order on both databases, whichever spans ran on: the verdict's ties are decided by it
            spans.sort(Comparator.comparing(Span::reporter).thenComparing(Span::policyKey));
            return new PolicyData(versions, spans, cells, other, policyless);
        }
    }

    /** The spans as they were before {@code endDay}: a span reaching that day ends on its last report day before it. */
    private static void spans(Connection c, List<String> domains, int slots, int endDay, Map<String, Reading> of) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.spans(slots))) {
            InList.bind(ps, 1, domains);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Reading r = of.get(rs.getString(1));
                    Span s = new Span(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5));
                    if (s.lastDay() < endDay) r.spans.add(s);
                    else if (s.firstDay() < endDay) r.runningOn.add(s);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.LAST_DAY_BEFORE)) {
            for (Map.Entry<String, Reading> e : of.entrySet()) {
                for (Span s : e.getValue().runningOn) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, s.reporter());
                    ps.setString(3, s.policyKey());
                    ps.setInt(4, endDay);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        e.getValue().spans.add(new Span(s.reporter(), s.policyKey(), s.firstDay(), rs.getInt(1)));
                    }
                }
            }
        }
    }
}
