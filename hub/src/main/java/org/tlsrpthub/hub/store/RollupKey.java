package org.tlsrpthub.hub.store;

import java.util.Comparator;

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

    private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::policyDomain)
            .thenComparingInt(RollupKey::day)
            .thenComparing(RollupKey::reporterKey)
            .thenComparing(RollupKey::kind)
            .thenComparing(RollupKey::resultType)
            .thenComparing(RollupKey::receivingMx);

    @Override
    public int compareTo(RollupKey o) {
        return ORDER.compare(this, o);
    }
}
