-- MTA-STS readiness (issue 13), SQLite dialect. Keep in step with ../postgresql/V63__policy_rollups.sql.
-- Which policy each reporter applied, per day, with its sessions: the readiness verdict and the
-- stale-policy list read these (readiness/), never report rows. Maintained in the transaction that
-- stores a report (store/PolicyRollups), like rollup_daily.

-- Every distinct policy (type, policy strings, mx hosts) reported for a domain, under a short key.
CREATE TABLE rollup_policy_applied (
    policy_domain  TEXT NOT NULL,
    policy_key     TEXT NOT NULL,   -- store/PolicyKey: hex of the SHA-256 of type, policy strings and mx hosts
    policy_type    TEXT NOT NULL,
    policy_strings TEXT NOT NULL,   -- newline-separated, as in the policy table
    mx_hosts       TEXT NOT NULL,   -- newline-separated
    PRIMARY KEY (policy_domain, policy_key)
);

-- Sessions per policy domain x UTC day (of the report's start) x reporter x applied policy x kind x
-- result type x receiving MX. kind as in rollup_daily: 'R' reports, 'S' successful and 'F' failed
-- sessions of the summary, 'D' the failed-session-count of failure details per result type and MX.
CREATE TABLE rollup_policy_daily (
    policy_domain TEXT    NOT NULL,
    day           INTEGER NOT NULL,
    reporter_key  TEXT    NOT NULL,
    policy_key    TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    result_type   TEXT    NOT NULL,
    receiving_mx  TEXT    NOT NULL,
    sessions      BIGINT  NOT NULL,
    PRIMARY KEY (policy_domain, day, reporter_key, policy_key, kind, result_type, receiving_mx)
) WITHOUT ROWID;

-- Reports stored before this migration, up to last_report_id, are added by store/PolicyRollupBackfill
-- when the store opens (SQL alone cannot hash on SQLite); the row goes when it is done.
CREATE TABLE policy_rollup_backfill (
    next_report_id BIGINT NOT NULL,
    last_report_id BIGINT NOT NULL
);
INSERT INTO policy_rollup_backfill (next_report_id, last_report_id) SELECT MIN(id), MAX(id) FROM report HAVING COUNT(*) > 0;
