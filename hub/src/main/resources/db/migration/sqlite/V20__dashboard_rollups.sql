-- Rollups for the dashboard and API (issue 5), SQLite dialect. Keep in step with
-- ../postgresql/V20__dashboard_rollups.sql. Maintained in the transaction that stores a report
-- (store/DashboardRollups), like rollup_daily; filled here from what is already stored.

-- One row per policy domain and UTC day: the overview reads a period of these for every domain
-- at once (1,000 domains x 30 days = 30,000 rows), never rollup_daily's per-reporter cells.
-- WITHOUT ROWID: the primary key is the table, so a day range is one contiguous scan.
CREATE TABLE rollup_domain_daily (
    day                 INTEGER NOT NULL,
    policy_domain       TEXT    NOT NULL,
    reports             BIGINT  NOT NULL,
    successful_sessions BIGINT  NOT NULL,
    failed_sessions     BIGINT  NOT NULL,
    PRIMARY KEY (day, policy_domain)
) WITHOUT ROWID;
CREATE INDEX rollup_domain_daily_domain ON rollup_domain_daily (policy_domain, day);

-- The same per calendar month (month = epoch day of the month's first day): a year's overview
-- sums 12 rows per domain plus the days of the partial months at its edges, not 365.
CREATE TABLE rollup_domain_monthly (
    month               INTEGER NOT NULL,
    policy_domain       TEXT    NOT NULL,
    reports             BIGINT  NOT NULL,
    successful_sessions BIGINT  NOT NULL,
    failed_sessions     BIGINT  NOT NULL,
    PRIMARY KEY (month, policy_domain)
) WITHOUT ROWID;

-- Breakdowns rollup_daily does not carry, summed over reporters. dimension / kinds:
--   'sending-ip'  / 'D': failed-session-count of failure details per sending-mta-ip ("" when absent)
--   'result-type' / 'D': the same per result type (the overview's "top failure type")
--   'policy-type' / 'S', 'F': summary sessions per policy type (sts, tlsa, no-policy-found, …)
CREATE TABLE rollup_dimension_daily (
    policy_domain TEXT    NOT NULL,
    day           INTEGER NOT NULL,
    dimension     TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    sessions      BIGINT  NOT NULL,
    PRIMARY KEY (policy_domain, day, dimension, value, kind)
) WITHOUT ROWID;

-- Per domain over all time: the newest report ("last report" and the silent status do not
-- depend on the period shown) and running totals (the per-domain Prometheus counters: a scrape
-- reads one row per domain).
CREATE TABLE rollup_domain_total (
    policy_domain       TEXT   PRIMARY KEY,
    last_range_end      BIGINT NOT NULL,
    last_stored_at      BIGINT NOT NULL,
    reports             BIGINT NOT NULL,
    successful_sessions BIGINT NOT NULL,
    failed_sessions     BIGINT NOT NULL
);

-- Report lists filter by sender and period, newest first.
CREATE INDEX report_range_start ON report (range_start);

INSERT INTO rollup_domain_daily (day, policy_domain, reports, successful_sessions, failed_sessions)
SELECT day, policy_domain,
       SUM(CASE WHEN kind = 'R' THEN sessions ELSE 0 END),
       SUM(CASE WHEN kind = 'S' THEN sessions ELSE 0 END),
       SUM(CASE WHEN kind = 'F' THEN sessions ELSE 0 END)
FROM rollup_daily WHERE kind IN ('R', 'S', 'F')
GROUP BY day, policy_domain;

INSERT INTO rollup_domain_monthly (month, policy_domain, reports, successful_sessions, failed_sessions)
SELECT CAST(julianday(date(day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), policy_domain, SUM(reports), SUM(successful_sessions), SUM(failed_sessions)
FROM rollup_domain_daily
GROUP BY CAST(julianday(date(day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER), policy_domain;

INSERT INTO rollup_dimension_daily (policy_domain, day, dimension, value, kind, sessions)
SELECT policy_domain, day, 'result-type', result_type, 'D', SUM(sessions)
FROM rollup_daily WHERE kind = 'D'
GROUP BY policy_domain, day, result_type;

INSERT INTO rollup_dimension_daily (policy_domain, day, dimension, value, kind, sessions)
SELECT COALESCE(p.policy_domain, ''), r.range_start / 86400000, 'sending-ip', COALESCE(d.sending_mta_ip, ''), 'D',
       SUM(d.failed_session_count)
FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = p.report_id
GROUP BY COALESCE(p.policy_domain, ''), r.range_start / 86400000, COALESCE(d.sending_mta_ip, '')
HAVING SUM(d.failed_session_count) <> 0;

INSERT INTO rollup_dimension_daily (policy_domain, day, dimension, value, kind, sessions)
SELECT COALESCE(p.policy_domain, ''), r.range_start / 86400000, 'policy-type', p.policy_type, 'S', SUM(p.successful_sessions)
FROM policy p JOIN report r ON r.id = p.report_id
GROUP BY COALESCE(p.policy_domain, ''), r.range_start / 86400000, p.policy_type
HAVING SUM(p.successful_sessions) <> 0;

INSERT INTO rollup_dimension_daily (policy_domain, day, dimension, value, kind, sessions)
SELECT COALESCE(p.policy_domain, ''), r.range_start / 86400000, 'policy-type', p.policy_type, 'F', SUM(p.failed_sessions)
FROM policy p JOIN report r ON r.id = p.report_id
GROUP BY COALESCE(p.policy_domain, ''), r.range_start / 86400000, p.policy_type
HAVING SUM(p.failed_sessions) <> 0;

INSERT INTO rollup_domain_total (policy_domain, last_range_end, last_stored_at, reports, successful_sessions,
                                 failed_sessions)
SELECT COALESCE(p.policy_domain, ''), MAX(r.range_end), MAX(r.stored_at), COUNT(DISTINCT r.id),
       SUM(p.successful_sessions), SUM(p.failed_sessions)
FROM policy p JOIN report r ON r.id = p.report_id
GROUP BY COALESCE(p.policy_domain, '');
