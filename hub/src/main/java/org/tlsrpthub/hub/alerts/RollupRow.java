package org.tlsrpthub.hub.alerts;

import org.tlsrpthub.hub.readiness.PolicyData;

/**
 * Sessions of one kind on one UTC day from one reporter, under one applied policy: a cell of
 * {@code rollup_policy_daily} without its policy. The rules sum them; a report that applied two
 * policies to the domain is an R cell under each, which the rules only read as "reported that day".
 *
 * @param kind S successful, F failed (summary counts), D failure-detail sessions per result type and MX, R reports
 */
public record RollupRow(int day, String reporter, char kind, String resultType, String mx, long sessions) {
    public static final char SUCCESS = 'S', FAILURE = 'F', DETAIL = 'D', REPORTS = 'R';

    static RollupRow of(PolicyData.Cell c) {
        return new RollupRow(c.day(), c.reporter(), c.kind().charAt(0), c.resultType(), c.mx(), c.sessions());
    }
}
