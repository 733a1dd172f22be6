package org.tlsrpthub.hub.store;

/** The SQL of {@link DomainSpellingMerge} (migration V31); the same text on SQLite and PostgreSQL. */
final class DomainSpellingMergeSql {
    private DomainSpellingMergeSql() {}

    /** Every domain a rollup table or the served list names (policy rows are scanned separately). */
    static final String ROLLUP_DOMAINS = """
            SELECT policy_domain FROM rollup_domain_total
            UNION SELECT DISTINCT policy_domain FROM rollup_daily
            UNION SELECT DISTINCT policy_domain FROM rollup_domain_daily
            UNION SELECT DISTINCT policy_domain FROM rollup_domain_monthly
            UNION SELECT DISTINCT policy_domain FROM rollup_dimension_daily
            UNION SELECT domain FROM served_domain""";

    /** In report order, so that one report's policies come together. */
    static final String POLICIES = "SELECT id, report_id, policy_domain FROM policy WHERE policy_domain IS NOT NULL ORDER BY report_id, id";

    static final String REPORT_DAY_AND_REPORTER = "SELECT range_start, reporter_key FROM report WHERE id = ?";

    static final String RENAME_POLICY = "UPDATE policy SET policy_domain = ? WHERE id = ?";

    // Each merge copies the rows of spelling ? (second parameter) under the one form (first
    // parameter), adding to the one form's cell where it has one, as ingest does; the spelling's
    // rows are then deleted. "WHERE" before "ON CONFLICT" is what lets SQLite read an INSERT …
    // SELECT with an upsert.

    static final String MERGE_ROLLUP_DAILY = """
            INSERT INTO rollup_daily (day, policy_domain, reporter_key, kind, result_type, receiving_mx, sessions)
            SELECT day, ?, reporter_key, kind, result_type, receiving_mx, sessions FROM rollup_daily WHERE policy_domain = ?
            """ + StoreSql.ADD_TO_ROLLUP;

    static final String MERGE_DOMAIN_DAILY = """
            INSERT INTO rollup_domain_daily (day, policy_domain, reports, successful_sessions, failed_sessions)
            SELECT day, ?, reports, successful_sessions, failed_sessions FROM rollup_domain_daily WHERE policy_domain = ?
            """ + StoreSql.addToDomainCounts("rollup_domain_daily", "day");

    static final String MERGE_DOMAIN_MONTHLY = """
            INSERT INTO rollup_domain_monthly (month, policy_domain, reports, successful_sessions, failed_sessions)
            SELECT month, ?, reports, successful_sessions, failed_sessions FROM rollup_domain_monthly WHERE policy_domain = ?
            """ + StoreSql.addToDomainCounts("rollup_domain_monthly", "month");

    static final String MERGE_DIMENSION = """
            INSERT INTO rollup_dimension_daily (policy_domain, day, dimension, value, kind, sessions)
            SELECT ?, day, dimension, value, kind, sessions FROM rollup_dimension_daily WHERE policy_domain = ?
            """ + StoreSql.ADD_TO_DIMENSION;

    static final String MERGE_DOMAIN_TOTAL = """
            INSERT INTO rollup_domain_total (policy_domain, last_range_end, last_stored_at, reports,
                                             successful_sessions, failed_sessions)
            SELECT ?, last_range_end, last_stored_at, reports, successful_sessions, failed_sessions
            FROM rollup_domain_total WHERE policy_domain = ?
            """ + StoreSql.ADD_TO_DOMAIN_TOTAL;

    static final String MERGE_SERVED = """
            INSERT INTO served_domain (domain, added_at) SELECT ?, added_at FROM served_domain WHERE domain = ?
            ON CONFLICT (domain) DO NOTHING""";

    /** The tables above with their domain column, for deleting a spelling once it is merged. */
    static final String[][] DOMAIN_COLUMNS = {
        {"rollup_daily", "policy_domain"}, {"rollup_domain_daily", "policy_domain"},
        {"rollup_domain_monthly", "policy_domain"}, {"rollup_dimension_daily", "policy_domain"},
        {"rollup_domain_total", "policy_domain"}, {"served_domain", "domain"}};

    static String deleteSpelling(String[] tableAndColumn) {
        return "DELETE FROM " + tableAndColumn[0] + " WHERE " + tableAndColumn[1] + " = ?";
    }

    static final String[] MERGES = {
        MERGE_ROLLUP_DAILY, MERGE_DOMAIN_DAILY, MERGE_DOMAIN_MONTHLY, MERGE_DIMENSION, MERGE_DOMAIN_TOTAL, MERGE_SERVED};

    // A report that named one domain in two spellings counted as a report about each; merged, it
    // counts once. The parameters: how many too many, then the cell's key.

    static final String UNCOUNT_ROLLUP_DAILY = """
            UPDATE rollup_daily SET sessions = sessions - ?
            WHERE policy_domain = ? AND day = ? AND reporter_key = ? AND kind = 'R' AND result_type = '' AND receiving_mx = ''""";

    static final String UNCOUNT_DOMAIN_DAILY = "UPDATE rollup_domain_daily SET reports = reports - ? WHERE policy_domain = ? AND day = ?";

    static final String UNCOUNT_DOMAIN_MONTHLY = "UPDATE rollup_domain_monthly SET reports = reports - ? WHERE policy_domain = ? AND month = ?";

    // The policy rollups (V63) come after this migration in a real upgrade, which fills them from the
    // renamed policy rows; they are merged too when a store re-runs V31 with them already filled.

    static final String POLICY_ROLLUPS_EXIST = "SELECT 1 FROM rollup_policy_daily WHERE 1 = 0";

    static final String MERGE_POLICY_DAILY = """
            INSERT INTO rollup_policy_daily (policy_domain, day, reporter_key, policy_key, kind, result_type, receiving_mx, sessions)
            SELECT ?, day, reporter_key, policy_key, kind, result_type, receiving_mx, sessions FROM rollup_policy_daily WHERE policy_domain = ?
            ON CONFLICT (policy_domain, day, reporter_key, policy_key, kind, result_type, receiving_mx)
            DO UPDATE SET sessions = rollup_policy_daily.sessions + excluded.sessions""";

    static final String DELETE_POLICY_DAILY = "DELETE FROM rollup_policy_daily WHERE policy_domain = ?";

    /** Only the cell that two spellings of one report were added into counts it twice. */
    static final String UNCOUNT_POLICY_DAILY = """
            UPDATE rollup_policy_daily SET sessions = sessions - ?
            WHERE policy_domain = ? AND day = ? AND reporter_key = ? AND kind = 'R' AND result_type = '' AND receiving_mx = ''
              AND sessions > ?""";

    // The revisions (V72) of every day of each merged domain grow, and days new to the one form start.

    static final String POLICY_REVISIONS_EXIST = "SELECT 1 FROM rollup_policy_revision WHERE 1 = 0";

    static final String BUMP_POLICY_REVISIONS = "UPDATE rollup_policy_revision SET revision = revision + 1 WHERE policy_domain = ?";

    static final String ADD_POLICY_REVISIONS = """
            INSERT INTO rollup_policy_revision (policy_domain, day, revision)
            SELECT DISTINCT policy_domain, day, 1 FROM rollup_policy_daily WHERE policy_domain = ?
            ON CONFLICT (policy_domain, day) DO NOTHING""";

    // The spans (V68) are read again from the merged report cells (uncounting never empties a cell).

    static final String POLICY_SPANS_EXIST = "SELECT 1 FROM rollup_policy_span WHERE 1 = 0";

    static final String DELETE_POLICY_SPANS = "DELETE FROM rollup_policy_span WHERE policy_domain = ?";

    static final String POLICY_SPANS_OF_DOMAIN = """
            INSERT INTO rollup_policy_span (policy_domain, reporter_key, policy_key, first_day, last_day)
            SELECT policy_domain, reporter_key, policy_key, MIN(day), MAX(day) FROM rollup_policy_daily
            WHERE policy_domain = ? AND kind = 'R' GROUP BY policy_domain, reporter_key, policy_key""";

    static final String UNCOUNT_DOMAIN_TOTAL = "UPDATE rollup_domain_total SET reports = reports - ? WHERE policy_domain = ?";
}
