-- Identical inputs are found through their reports, not through a unique index on sha256.
-- A unique index on a hash takes one random B-tree insert per input: about a quarter of what each
-- commit wrote, and the largest single cost of the group-commit writer. An input whose reports are
-- new cannot be a copy of an archived one (its reports would be known), so only inputs whose
-- reports are all known look for an archived copy, among the inputs of those reports
-- (ReportStore). Quarantined inputs have no reports to look through: for them sha256 stays unique.
ALTER TABLE raw_input DROP CONSTRAINT raw_input_sha256_key;
CREATE UNIQUE INDEX raw_input_quarantined_sha256 ON raw_input (sha256) WHERE status = 'quarantined';
