package org.tlsrpthub.hub.jobs;

/** The SQL of the run ledger and of the jobs view; the same text on SQLite and PostgreSQL. */
final class JobSql {
    private JobSql() {}

    static final int KEEP_RUNS_PER_JOB = 200;

    static final String START = "INSERT INTO job_run (task, scheduled_for, node, started_at) VALUES (?, ?, ?, ?)";
    static final String FINISH = """
            UPDATE job_run SET finished_at = ?, outcome = ?, detail = ?
            WHERE task = ? AND scheduled_for = ? AND node = ? AND started_at = ?""";
    static final String TRIM = """
            DELETE FROM job_run WHERE task = ? AND started_at < (
                SELECT MIN(started_at) FROM (SELECT started_at FROM job_run WHERE task = ? ORDER BY started_at DESC LIMIT %d) newest)"""
            .formatted(KEEP_RUNS_PER_JOB);
    static final String SCHEDULED = """
            SELECT task_name, execution_time, picked, picked_by, consecutive_failures FROM scheduled_tasks ORDER BY task_name""";
    static final String RUNS = """
            SELECT task, scheduled_for, node, started_at, finished_at, outcome, detail FROM job_run
            WHERE task = ? ORDER BY started_at DESC LIMIT ?""";
}
