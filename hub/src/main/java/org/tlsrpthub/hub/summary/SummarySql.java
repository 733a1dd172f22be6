package org.tlsrpthub.hub.summary;

/** The read side of the rollups. Only rollup_daily is read: never the raw rows. */
final class SummarySql {
    private SummarySql() {}

    /** One row per (kind, result type, reporter, MX) over the days; the primary key starts with domain, day. */
    static final String CELLS = """
            SELECT kind, result_type, reporter_key, receiving_mx, SUM(sessions)
            FROM rollup_daily
            WHERE policy_domain = ? AND day BETWEEN ? AND ?
            GROUP BY kind, result_type, reporter_key, receiving_mx""";
}
