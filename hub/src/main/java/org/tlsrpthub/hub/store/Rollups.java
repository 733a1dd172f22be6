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
        int day = (int) report.dateRange().start().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        java.util.Set<String> domains = new java.util.HashSet<>();
        for (PolicyResult p : report.policies()) {
            String domain = p.policy().domain() == null ? "" : p.policy().domain();
            if (domains.add(domain)) add(new RollupKey(day, domain, reporter, RollupKey.REPORTS, "", ""), 1);
            add(new RollupKey(day, domain, reporter, RollupKey.SUCCESS, "", ""), p.summary().totalSuccessfulSessionCount());
            add(new RollupKey(day, domain, reporter, RollupKey.FAILURE, "", ""), p.summary().totalFailureSessionCount());
            for (FailureDetail d : p.failureDetails()) {
                String mx = d.receivingMxHostname() == null ? "" : d.receivingMxHostname();
                add(new RollupKey(day, domain, reporter, RollupKey.DETAIL, d.resultType().value(), mx), d.failedSessionCount());
            }
        }
    }

    private void add(RollupKey key, long n) {
        if (n != 0) sessions.merge(key, n, Long::sum);
    }

    /** Cells in a fixed order (see {@link RollupKey}). */
    Map<RollupKey, Long> cells() {
        return sessions;
    }
}
