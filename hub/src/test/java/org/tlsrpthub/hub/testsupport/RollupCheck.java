package org.tlsrpthub.hub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tlsrpthub.hub.store.Database;

/** Asserts that rollup_daily equals what the raw report, policy and failure-detail rows add up to. */
public final class RollupCheck {
    private RollupCheck() {}

    public static void assertRollupsMatchRawRows(Database db) throws SQLException {
        Map<String, Long> expected = new TreeMap<>();
        for (List<Object> r : Sql.rows(db, """
                SELECT r.range_start, COALESCE(p.policy_domain, ''), r.reporter_key,
                       p.successful_sessions, p.failed_sessions
                FROM policy p JOIN report r ON r.id = p.report_id""")) {
            String prefix = day(r.get(0)) + "|" + r.get(1) + "|" + r.get(2) + "|";
            add(expected, prefix + "S||", ((Number) r.get(3)).longValue());
            add(expected, prefix + "F||", ((Number) r.get(4)).longValue());
        }
        for (List<Object> r : Sql.rows(db, """
                SELECT DISTINCT r.id, r.range_start, COALESCE(p.policy_domain, ''), r.reporter_key
                FROM policy p JOIN report r ON r.id = p.report_id""")) {
            add(expected, day(r.get(1)) + "|" + r.get(2) + "|" + r.get(3) + "|R||", 1);
        }
        for (List<Object> r : Sql.rows(db, """
                SELECT r.range_start, COALESCE(p.policy_domain, ''), r.reporter_key,
                       d.result_type, COALESCE(d.receiving_mx_hostname, ''), d.failed_session_count
                FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = p.report_id""")) {
            add(expected, day(r.get(0)) + "|" + r.get(1) + "|" + r.get(2) + "|D|" + r.get(3) + "|" + r.get(4),
                    ((Number) r.get(5)).longValue());
        }
        Map<String, Long> actual = new TreeMap<>();
        for (List<Object> r : Sql.rows(db, """
                SELECT day, policy_domain, reporter_key, kind, result_type, receiving_mx, sessions FROM rollup_daily""")) {
            add(actual, ((Number) r.get(0)).longValue() + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4)
                    + "|" + r.get(5), ((Number) r.get(6)).longValue());
        }
        assertThat(actual).as("rollup_daily against the sums over raw rows").isEqualTo(expected);
        PolicyRollupCheck.assertPolicyRollupsMatchRawRows(db);
    }

    private static long day(Object rangeStartMillis) {
        return Instant.ofEpochMilli(((Number) rangeStartMillis).longValue()).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private static void add(Map<String, Long> m, String k, long v) {
        if (v != 0) m.merge(k, v, Long::sum);
    }
}
