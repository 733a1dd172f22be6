-- Identical inputs are found through their reports, not through a unique index on sha256.
-- A unique index on a hash takes one random B-tree insert per input: about a quarter of what each
-- commit wrote to the log, and the largest single cost of the group-commit writer. An input whose
-- reports are new cannot be a copy of an archived one (its reports would be known), so only
-- inputs whose reports are all known look for an archived copy, among the inputs of those reports
-- (ReportStore). Quarantined inputs have no reports to look through: for them sha256 stays unique.
--
-- SQLite cannot drop a column's UNIQUE constraint, so the table is rebuilt (nothing references it
-- with a foreign key).
CREATE TABLE raw_input_new (
    id           INTEGER PRIMARY KEY,
    sha256       BLOB   NOT NULL,
    size_bytes   BIGINT NOT NULL,
    content_gzip BLOB   NOT NULL,
    status       TEXT   NOT NULL,            -- parsed | quarantined
    channel      TEXT   NOT NULL,            -- file | https | smtp | imap
    received_at  BIGINT NOT NULL,
    origin       TEXT,                       -- file path or remote address
    message_id   TEXT,
    dkim_result  TEXT
);
INSERT INTO raw_input_new (id, sha256, size_bytes, content_gzip, status, channel, received_at, origin, message_id, dkim_result)
SELECT id, sha256, size_bytes, content_gzip, status, channel, received_at, origin, message_id, dkim_result FROM raw_input;
DROP TABLE raw_input;
ALTER TABLE raw_input_new RENAME TO raw_input;
CREATE INDEX raw_input_received_at ON raw_input (received_at);
CREATE UNIQUE INDEX raw_input_quarantined_sha256 ON raw_input (sha256) WHERE status = 'quarantined';
