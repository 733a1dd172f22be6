-- The overview's MTA-STS column, kept per domain so that a page of the overview only reads it
-- (issue 13 §5, docs/readiness.md "How it stays cheap"). A row is the verdict as of `day` for the
-- inputs in its stamp: the domain's report totals (rollup_domain_total), its newest live check
-- (check_latest) and its newest hosted version (hosted_policy_version). A page recomputes a row
-- whose stamp no longer matches; the readiness-column job recomputes those and the rows of an
-- earlier UTC day. Deleting a row (ReadinessService.invalidate) makes the next page recompute it.
-- Keep in step with ../postgresql/V66__readiness_column.sql.
CREATE TABLE readiness_column (
    domain         TEXT    PRIMARY KEY,
    mode           TEXT    NOT NULL,   -- testing | enforce | none; '' without an MTA-STS policy
    verdict        TEXT,               -- the readiness verdict when mode is testing, else null
    day            INTEGER NOT NULL,   -- the UTC epoch day it was judged on (the window ends the day before)
    reports        BIGINT  NOT NULL,   -- the stamp: rollup_domain_total.reports ...
    last_stored_at BIGINT  NOT NULL,
    successful     BIGINT  NOT NULL,
    failed         BIGINT  NOT NULL,
    check_id       BIGINT  NOT NULL,   -- check_latest.result_id, 0 without a live check
    hosted_version INTEGER NOT NULL,   -- the newest hosted_policy_version.version, 0 when not hosted
    computed_at    BIGINT  NOT NULL    -- epoch ms
);
