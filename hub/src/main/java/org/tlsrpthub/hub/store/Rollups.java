package org.tlsrpthub.hub.store;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;

/**
 * The rollup cells one transaction adds, summed in memory first so that each cell is upserted once.
 * A report counts on the UTC day its range starts (reports cover one day; longer ones are rare).
 */
final class Rollups {
    private final Map<RollupKey, Long> sessions = new TreeMap<>();

    void add(Report report, String reporter) {
        add(report, reporter, 1);
    }

    /** What replacing a stored report's contents changes: the new contribution minus the old one. */
    void replace(Report old, Report fresh, String reporter) {
        add(old, reporter, -1);
        add(fresh, reporter, 1);
    }

    private void add(Report report, String reporter, long sign) {
        int day = (int) report.dateRange().start().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        java.util.Set<String> domains = new java.util.HashSet<>();
        for (PolicyResult p : report.policies()) {
            String domain = p.policy().domain() == null ? "" : p.policy().domain();
            if (domains.add(domain)) add(new RollupKey(day, domain, reporter, RollupKey.REPORTS, "", ""), sign);
            add(new RollupKey(day, domain, reporter, RollupKey.SUCCESS, "", ""), sign * p.summary().totalSuccessfulSessionCount());
            add(new RollupKey(day, domain, reporter, RollupKey.FAILURE, "", ""), sign * p.summary().totalFailureSessionCount());
            for (FailureDetail d : p.failureDetails()) {
                String mx = d.receivingMxHostname() == null ? "" : d.receivingMxHostname();
                add(new RollupKey(day, domain, reporter, RollupKey.DETAIL, d.resultType().value(), mx), sign * d.failedSessionCount());
            }
        }
    }

    private void add(RollupKey key, long n) {
        // A cell that nets to zero (a replacement that did not change it) is dropped: nothing to write.
        if (n != 0) sessions.merge(key, n, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** Cells in a fixed order (see {@link RollupKey}). */
    Map<RollupKey, Long> cells() {
        return sessions;
    }
}
