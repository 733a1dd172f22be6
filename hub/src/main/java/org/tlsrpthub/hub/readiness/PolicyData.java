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
import org.tlsrpthub.hub.store.DaySessions;

/**
 * What the policy rollups hold about one domain up to a day: which policies were applied (only
 * {@code sts} ones become versions), when each reporter applied each, and the cells of the window.
 *
 * @param versionOfKey the version of every {@code sts} policy key; other policy types are absent
 * @param spans        per reporter and policy key, the first and last day reported
 * @param cells        the window's cells
 * @param otherTypes   whether reports named a policy other than sts (tlsa, no-policy-found)
 * @param policyless   keys under which a sender had no policy to apply: no-policy-found, or sts
 *                     without a mode (a sender that could not fetch the policy reports either way)
 */
record PolicyData(Map<String, PolicyVersion> versionOfKey, List<Span> spans, List<Cell> cells, boolean otherTypes,
        Set<String> policyless) {

    record Span(String reporter, String policyKey, int firstDay, int lastDay) {}

    record Cell(int day, String reporter, String policyKey, String kind, String resultType, String mx, long sessions) {}

    /** Reads the domain's policies and spans before {@code endDay}, and the cells of [{@code fromDay}, {@code endDay}). */
    static PolicyData read(Connection c, String domain, int fromDay, int endDay) throws SQLException {
        Map<String, PolicyVersion> versions = new HashMap<>();
        boolean other = false;
        Set<String> policyless = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.APPLIED)) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1), type = rs.getString(2);
                    PolicyVersion v = "sts".equals(type) ? PolicyVersion.of(rs.getString(3), rs.getString(4)) : null;
                    if (v != null && !v.mode().isEmpty()) versions.put(key, v);
                    else if (v != null || "no-policy-found".equals(type)) policyless.add(key);
                    if (v == null) other = true;
                }
            }
        }
        List<Span> spans = spans(c, domain, endDay);
        List<Cell> cells = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.CELLS)) {
            ps.setString(1, domain);
            ps.setInt(2, fromDay);
            ps.setInt(3, endDay);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reporter = rs.getString(1), key = rs.getString(2), kind = rs.getString(3), type = rs.getString(4), mx = rs.getString(5);
                    DaySessions.each(rs.getString(6), (day, sessions) -> cells.add(new Cell(day, reporter, key, kind, type, mx, sessions)));
                }
            }
        }
        return new PolicyData(versions, spans, cells, other, policyless);
    }

    /** The spans as they were before {@code endDay}: a span reaching that day ends on its last report day before it. */
    private static List<Span> spans(Connection c, String domain, int endDay) throws SQLException {
        List<Span> spans = new ArrayList<>();
        List<Span> runningOn = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.SPANS)) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Span s = new Span(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4));
                    if (s.lastDay() < endDay) spans.add(s);
                    else if (s.firstDay() < endDay) runningOn.add(s);
                }
            }
        }
        if (!runningOn.isEmpty()) addLastDaysBefore(c, domain, endDay, runningOn, spans);
        // one order on both databases, whichever spans ran on: the verdict's ties are decided by it
        spans.sort(Comparator.comparing(Span::reporter).thenComparing(Span::policyKey));
        return spans;
    }

    private static void addLastDaysBefore(Connection c, String domain, int endDay, List<Span> runningOn, List<Span> spans)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.LAST_DAY_BEFORE)) {
            for (Span s : runningOn) {
                ps.setString(1, domain);
                ps.setString(2, s.reporter());
                ps.setString(3, s.policyKey());
                ps.setInt(4, endDay);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    spans.add(new Span(s.reporter(), s.policyKey(), s.firstDay(), rs.getInt(1)));
                }
            }
        }
    }
}
