package org.tlsrpthub.hub.store;

/** The SQL of {@link PolicyRollups} and {@link PolicyRollupBackfill} (migration V63); the same on SQLite and PostgreSQL. */
final class PolicyRollupSql {
    private PolicyRollupSql() {}

    static final String INSERT_APPLIED = """
            INSERT INTO rollup_policy_applied (policy_domain, policy_key, policy_type, policy_strings, mx_hosts)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (policy_domain, policy_key) DO NOTHING""";

    static final String UPSERT_CELL = """
            INSERT INTO rollup_policy_daily (policy_domain, day, reporter_key, policy_key, kind, result_type, receiving_mx, sessions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (policy_domain, day, reporter_key, policy_key, kind, result_type, receiving_mx)
            DO UPDATE SET sessions = rollup_policy_daily.sessions + excluded.sessions""";

    /** A cell of the domain's day changed (V72): its revision grows, or starts. */
    static final String BUMP_REVISION = """
            INSERT INTO rollup_policy_revision (policy_domain, day, revision) VALUES (?, ?, 1)
            ON CONFLICT (policy_domain, day) DO UPDATE SET revision = rollup_policy_revision.revision + 1""";

    static final String DELETE_CELL_IF_EMPTY = """
            DELETE FROM rollup_policy_daily WHERE policy_domain = ? AND day = ? AND reporter_key = ? AND policy_key = ?
                AND kind = ? AND result_type = ? AND receiving_mx = ? AND sessions = 0""";

    // The span's first and last day: the smaller and the larger of the stored and the new one (CASE,
    // since the dialects spell a two-argument minimum differently). Most reports fall inside their
    // span already (today's, again): then the row is left unwritten.
    static final String WIDEN_SPAN = """
            INSERT INTO rollup_policy_span (policy_domain, reporter_key, policy_key, first_day, last_day)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (policy_domain, reporter_key, policy_key) DO UPDATE SET
                first_day = CASE WHEN excluded.first_day < rollup_policy_span.first_day
                                 THEN excluded.first_day ELSE rollup_policy_span.first_day END,
                last_day = CASE WHEN excluded.last_day > rollup_policy_span.last_day
                                THEN excluded.last_day ELSE rollup_policy_span.last_day END
            WHERE excluded.first_day < rollup_policy_span.first_day OR excluded.last_day > rollup_policy_span.last_day""";

    static final String DELETE_SPAN = "DELETE FROM rollup_policy_span WHERE policy_domain = ? AND reporter_key = ? AND policy_key = ?";

    /** The span as the report cells give it; no row when no report cell is left. */
    static final String SPAN_FROM_CELLS = """
            INSERT INTO rollup_policy_span (policy_domain, reporter_key, policy_key, first_day, last_day)
            SELECT policy_domain, reporter_key, policy_key, MIN(day), MAX(day) FROM rollup_policy_daily
            WHERE policy_domain = ? AND reporter_key = ? AND policy_key = ? AND kind = 'R'
            GROUP BY policy_domain, reporter_key, policy_key""";

    /**
     * Written first in each page's transaction: it takes the write lock (SQLite) or the row lock
     * (PostgreSQL) before the state is read, so nodes opening the store together add each page once.
     */
    static final String BACKFILL_CLAIM = "UPDATE policy_rollup_backfill SET next_report_id = next_report_id";

    static final String BACKFILL_STATE = "SELECT next_report_id, last_report_id FROM policy_rollup_backfill";

    static final String BACKFILL_PAGE = "SELECT id, reporter_key FROM report WHERE id >= ? AND id <= ? ORDER BY id LIMIT ?";

    static final String BACKFILL_ADVANCE = "UPDATE policy_rollup_backfill SET next_report_id = ?";

    static final String BACKFILL_DONE = "DELETE FROM policy_rollup_backfill";
}
