package org.tlsrpthub.hub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tlsrpthub.hub.store.Database;

/** Asserts that the V20 rollup tables equal what the raw report, policy and failure-detail rows add up to. */
public final class DashboardRollupCheck {
    private DashboardRollupCheck() {}

    public static void assertDashboardRollupsMatchRawRows(Database db) throws SQLException {
        Map<String, Long> expected = new TreeMap<>();
        for (List<Object> r : Sql.rows(db, """
                SELECT r.id, r.range_start, r.range_end, COALESCE(p.policy_domain, ''), p.policy_type,
                       p.successful_sessions, p.failed_sessions
                FROM policy p JOIN report r ON r.id = p.report_id""")) {
            long day = Math.floorDiv(n(r.get(1)), 86_400_000L);
            String domain = (String) r.get(3);
            add(expected, "day|" + day + "|" + domain + "|ok", n(r.get(5)));
            add(expected, "day|" + day + "|" + domain + "|failed", n(r.get(6)));
            add(expected, "month|" + month(day) + "|" + domain + "|ok", n(r.get(5)));
            add(expected, "month|" + month(day) + "|" + domain + "|failed", n(r.get(6)));
            add(expected, "dim|" + domain + "|" + day + "|policy-type|" + r.get(4) + "|S", n(r.get(5)));
            add(expected, "dim|" + domain + "|" + day + "|policy-type|" + r.get(4) + "|F", n(r.get(6)));
            add(expected, "total|" + domain + "|ok", n(r.get(5)));
            add(expected, "total|" + domain + "|failed", n(r.get(6)));
        }
        for (List<Object> r : Sql.rows(db, """
                SELECT DISTINCT r.id, r.range_start, r.range_end, COALESCE(p.policy_domain, '')
                FROM policy p JOIN report r ON r.id = p.report_id""")) {
            long day = Math.floorDiv(n(r.get(1)), 86_400_000L);
            add(expected, "day|" + day + "|" + r.get(3) + "|reports", 1);
            add(expected, "month|" + month(day) + "|" + r.get(3) + "|reports", 1);
            add(expected, "total|" + r.get(3) + "|reports", 1);
            expected.merge("total|" + r.get(3) + "|last", n(r.get(2)), Math::max);
        }
        for (List<Object> r : Sql.rows(db, """
                SELECT r.range_start, COALESCE(p.policy_domain, ''), d.result_type, COALESCE(d.sending_mta_ip, ''),
                       d.failed_session_count
                FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = p.report_id""")) {
            String prefix = "dim|" + r.get(1) + "|" + Math.floorDiv(n(r.get(0)), 86_400_000L) + "|";
            add(expected, prefix + "result-type|" + r.get(2) + "|D", n(r.get(4)));
            add(expected, prefix + "sending-ip|" + r.get(3) + "|D", n(r.get(4)));
        }

        Map<String, Long> actual = new TreeMap<>();
        for (List<Object> r : Sql.rows(db, """
                SELECT day, policy_domain, reports, successful_sessions, failed_sessions FROM rollup_domain_daily""")) {
            String k = "day|" + n(r.get(0)) + "|" + r.get(1) + "|";
            add(actual, k + "reports", n(r.get(2)));
            add(actual, k + "ok", n(r.get(3)));
            add(actual, k + "failed", n(r.get(4)));
        }
        for (List<Object> r : Sql.rows(db, """
                SELECT month, policy_domain, reports, successful_sessions, failed_sessions FROM rollup_domain_monthly""")) {
            String k = "month|" + n(r.get(0)) + "|" + r.get(1) + "|";
            add(actual, k + "reports", n(r.get(2)));
            add(actual, k + "ok", n(r.get(3)));
            add(actual, k + "failed", n(r.get(4)));
        }
        for (List<Object> r : Sql.rows(db, """
                SELECT policy_domain, day, dimension, value, kind, sessions FROM rollup_dimension_daily""")) {
            add(actual, "dim|" + r.get(0) + "|" + n(r.get(1)) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4), n(r.get(5)));
        }
        for (List<Object> r : Sql.rows(db, """
                SELECT policy_domain, last_range_end, reports, successful_sessions, failed_sessions FROM rollup_domain_total""")) {
            String k = "total|" + r.get(0) + "|";
            actual.put(k + "last", n(r.get(1)));
            add(actual, k + "reports", n(r.get(2)));
            add(actual, k + "ok", n(r.get(3)));
            add(actual, k + "failed", n(r.get(4)));
        }
        assertThat(actual).as("V20 rollups against the sums over raw rows").isEqualTo(expected);
    }

    private static long month(long epochDay) {
        return java.time.LocalDate.ofEpochDay(epochDay).withDayOfMonth(1).toEpochDay();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static void add(Map<String, Long> m, String k, long v) {
        if (v != 0) m.merge(k, v, Long::sum);
    }
}
