package org.tlsrpthub.hub.alerts;

/**
 * One cell of {@code rollup_daily}: sessions of one kind on one UTC day from one reporter.
 *
 * @param kind S successful, F failed (summary counts), D failure-detail sessions per result type and MX, R reports
 */
public record RollupRow(int day, String reporter, char kind, String resultType, String mx, long sessions) {
    public static final char SUCCESS = 'S', FAILURE = 'F', DETAIL = 'D', REPORTS = 'R';
}
