-- A duplicate is really a duplicate (issue 9 §2). Keep in step with ../sqlite/V30__report_content_hash.sql.
--
-- content_hash: SHA-256 of what the report says (ContentHash). A later arrival with the same dedup
-- key is a sighting only when its hash is the same; otherwise both are kept and the later one waits
-- in review (report_contender and a CONFLICT quarantine row). Reports stored before this version get
-- their hash when the store is next opened (ContentHashBackfill), found through the partial index.
-- dkim_verified: a valid DKIM signature's d= covers the reporter key (ReporterIdentity); a verified
-- arrival displaces an unverified report with the same key.
ALTER TABLE report ADD COLUMN content_hash BYTEA;
ALTER TABLE report ADD COLUMN dkim_verified BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX report_content_hash_missing ON report (id) WHERE content_hash IS NULL;

-- Inputs holding a report with the key of a stored report but other content. displaced = true: this
-- content was the counted report until a DKIM-verified one took its place.
CREATE TABLE report_contender (
    report_id    BIGINT  NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    raw_input_id BIGINT  NOT NULL,
    displaced    BOOLEAN NOT NULL,
    PRIMARY KEY (report_id, raw_input_id)
);
CREATE INDEX report_contender_raw_input ON report_contender (raw_input_id);
