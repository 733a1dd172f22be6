package org.tlsrpthub.hub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.PolicyKey;

/**
 * Asserts that the policy rollups (V63) equal what the raw report, policy and failure-detail rows add
 * up to, that the policy spans (V68) equal the first and last day of the report cells, and that
 * every day with cells has a revision (V72).
 */
public final class PolicyRollupCheck {
    private PolicyRollupCheck() {}

    public static void assertPolicyRollupsMatchRawRows(Database db) throws SQLException {
        Map<String, Long> expected = new TreeMap<>();
        Map<String, String> applied = new TreeMap<>();
        for (List<Object> r : Sql.rows(db, """
                SELECT DISTINCT r.id, r.range_start, COALESCE(p.policy_domain, ''), r.reporter_key, p.policy_type,
                       p.policy_strings, p.mx_hosts
                FROM policy p JOIN report r ON r.id = p.report_id""")) {
            String key = key(r.get(4), r.get(5), r.get(6));
            applied.put(r.get(2) + "|" + key, r.get(4) + "|" + r.get(5) + "|" + r.get(6));
            add(expected, day(r.get(1)) + "|" + r.get(2) + "|" + r.get(3) + "|" + key + "|R||", 1);
        }
        for (List<Object> r : Sql.rows(db, """
                SELECT r.range_start, COALESCE(p.policy_domain, ''), r.reporter_key, p.policy_type, p.policy_strings,
                       p.mx_hosts, p.successful_sessions, p.failed_sessions
                FROM policy p JOIN report r ON r.id = p.report_id""")) {
            String prefix = day(r.get(0)) + "|" + r.get(1) + "|" + r.get(2) + "|" + key(r.get(3), r.get(4), r.get(5)) + "|";
            add(expected, prefix + "S||", ((Number) r.get(6)).longValue());
            add(expected, prefix + "F||", ((Number) r.get(7)).longValue());
        }
        for (List<Object> r : Sql.rows(db, """
                SELECT r.range_start, COALESCE(p.policy_domain, ''), r.reporter_key, p.policy_type, p.policy_strings,
                       p.mx_hosts, d.result_type, COALESCE(d.receiving_mx_hostname, ''), d.failed_session_count
                FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = p.report_id""")) {
            add(expected, day(r.get(0)) + "|" + r.get(1) + "|" + r.get(2) + "|" + key(r.get(3), r.get(4), r.get(5)) + "|D|"
                    + r.get(6) + "|" + r.get(7), ((Number) r.get(8)).longValue());
        }
        Map<String, Long> actual = new TreeMap<>();
        for (List<Object> r : Sql.rows(db, """
                SELECT day, policy_domain, reporter_key, policy_key, kind, result_type, receiving_mx, sessions
                FROM rollup_policy_daily""")) {
            add(actual, ((Number) r.get(0)).longValue() + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4)
                    + "|" + r.get(5) + "|" + r.get(6), ((Number) r.get(7)).longValue());
        }
        assertThat(actual).as("rollup_policy_daily against the sums over raw rows").isEqualTo(expected);
        assertPolicySpansMatchCells(db);
        assertRevisionsCoverCells(db);
        Map<String, String> stored = new TreeMap<>();
        for (List<Object> r : Sql.rows(db, "SELECT policy_domain, policy_key, policy_type, policy_strings, mx_hosts FROM rollup_policy_applied")) {
            stored.put(r.get(0) + "|" + r.get(1), r.get(2) + "|" + r.get(3) + "|" + r.get(4));
        }
        // a replaced report may leave a policy no report applies any more: harmless, never counted
        assertThat(stored).as("rollup_policy_applied holds every applied policy").containsAllEntriesOf(applied);
    }

    /** rollup_policy_span against its definition over rollup_policy_daily (which the raw rows check). */
    public static void assertPolicySpansMatchCells(Database db) throws SQLException {
        List<String> spans = Sql.rows(db, """
                SELECT policy_domain, reporter_key, policy_key, first_day, last_day FROM rollup_policy_span
                ORDER BY policy_domain, reporter_key, policy_key""").stream().map(PolicyRollupCheck::line).toList();
        List<String> fromCells = Sql.rows(db, """
                SELECT policy_domain, reporter_key, policy_key, MIN(day), MAX(day) FROM rollup_policy_daily WHERE kind = 'R'
                GROUP BY policy_domain, reporter_key, policy_key ORDER BY policy_domain, reporter_key, policy_key""")
                .stream().map(PolicyRollupCheck::line).toList();
        assertThat(spans).as("rollup_policy_span against the first and last day of the report cells").isEqualTo(fromCells);
    }

    /** Every domain and day with policy cells has a revision (V72); rows stay after their cells go. */
    public static void assertRevisionsCoverCells(Database db) throws SQLException {
        assertThat(Sql.rows(db, """
                SELECT DISTINCT d.policy_domain, d.day FROM rollup_policy_daily d
                LEFT JOIN rollup_policy_revision r ON r.policy_domain = d.policy_domain AND r.day = d.day
                WHERE r.revision IS NULL""")).as("domains and days with policy cells and no revision").isEmpty();
    }

    private static String line(List<Object> row) {
        StringBuilder b = new StringBuilder();
        for (Object o : row) b.append(o instanceof Number n ? String.valueOf(n.longValue()) : o).append('|');
        return b.toString();
    }

    private static String key(Object type, Object strings, Object mx) {
        return PolicyKey.of((String) type, lines((String) strings), lines((String) mx));
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n", -1));
    }

    private static long day(Object rangeStartMillis) {
        return Instant.ofEpochMilli(((Number) rangeStartMillis).longValue()).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private static void add(Map<String, Long> m, String k, long v) {
        if (v != 0) m.merge(k, v, Long::sum);
    }
}
