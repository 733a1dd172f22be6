package org.tlsrpthub.hub.store;

/**
 * One cell of {@code rollup_daily}. Comparable so that every transaction upserts cells in the
 * same order: two writers on PostgreSQL then cannot deadlock on rollup rows.
 */
record RollupKey(int day, String policyDomain, String reporterKey, String kind, String resultType, String receivingMx)
        implements Comparable<RollupKey> {

    static final String SUCCESS = "S";
    static final String FAILURE = "F";
    static final String DETAIL = "D";
    /** Not sessions: the number of reports about the domain (a report with two policies for it counts once). */
    static final String REPORTS = "R";

    /** The primary key's column order. */
    @Override
    public int compareTo(RollupKey o) {
        int c = policyDomain.compareTo(o.policyDomain);
        if (c == 0) c = Integer.compare(day, o.day);
        if (c == 0) c = reporterKey.compareTo(o.reporterKey);
        if (c == 0) c = kind.compareTo(o.kind);
        if (c == 0) c = resultType.compareTo(o.resultType);
        if (c == 0) c = receivingMx.compareTo(o.receivingMx);
        return c;
    }
}
