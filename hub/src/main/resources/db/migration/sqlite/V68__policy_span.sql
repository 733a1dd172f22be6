-- Alert evaluation speed (issue 12 §7). Keep in step with ../postgresql/V68__policy_span.sql.
-- Per domain, reporter and applied policy: the first and the last day a report counted (the 'R'
-- cells of rollup_policy_daily). The readiness verdict and the stale-policy rule read these instead
-- of scanning the domain's whole history. Kept in the transaction that writes the policy rollups
-- (store/PolicyRollups, store/DomainSpellingMerge); equal to
--   SELECT policy_domain, reporter_key, policy_key, MIN(day), MAX(day) FROM rollup_policy_daily
--   WHERE kind = 'R' GROUP BY policy_domain, reporter_key, policy_key
-- (testsupport/PolicyRollupCheck asserts it).
CREATE TABLE rollup_policy_span (
    policy_domain TEXT    NOT NULL,
    reporter_key  TEXT    NOT NULL,
    policy_key    TEXT    NOT NULL,
    first_day     INTEGER NOT NULL,
    last_day      INTEGER NOT NULL,
    PRIMARY KEY (policy_domain, reporter_key, policy_key)
) WITHOUT ROWID;

INSERT INTO rollup_policy_span (policy_domain, reporter_key, policy_key, first_day, last_day)
SELECT policy_domain, reporter_key, policy_key, MIN(day), MAX(day) FROM rollup_policy_daily
WHERE kind = 'R' GROUP BY policy_domain, reporter_key, policy_key;
