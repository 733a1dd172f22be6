-- Alert evaluation speed (issue 12 §7). Keep in step with ../postgresql/V72__policy_revision.sql.
-- Per policy domain and UTC day, a number that grows whenever a cell of rollup_policy_daily of that
-- domain and day changes: the evaluator keeps the cells of past days in memory (readiness/PolicyCellsCache)
-- and reads again only the days whose revision moved, on every hub node alike. Bumped in the
-- transaction that changes the cells (store/PolicyRollups, store/DomainSpellingMerge); rows are
-- never deleted, so a number once read is never handed out again for other cells.
CREATE TABLE rollup_policy_revision (
    policy_domain TEXT    NOT NULL,
    day           INTEGER NOT NULL,
    revision      BIGINT  NOT NULL,
    PRIMARY KEY (policy_domain, day)
) WITHOUT ROWID;

INSERT INTO rollup_policy_revision (policy_domain, day, revision)
SELECT DISTINCT policy_domain, day, 1 FROM rollup_policy_daily;
