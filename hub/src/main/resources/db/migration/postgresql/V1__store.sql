-- TLS-RPT Hub store, PostgreSQL dialect. Keep in step with ../sqlite/V1__store.sql:
-- the same tables and columns, only the types differ. Times are epoch milliseconds (BIGINT) and
-- days are epoch days (INTEGER) so that both dialects compare and sum them the same way.

-- Ids are allocated client-side in blocks (IdAllocator) so that whole batches can be inserted
-- with JDBC batching; the sequence is shared by every table.
CREATE SEQUENCE hub_id_seq INCREMENT BY 1000 START WITH 1000;

-- Every input as received, compressed (gzip), identified by the sha256 of the bytes as received.
-- The columns after content are the provenance of the first arrival; later arrivals are sightings.
CREATE TABLE raw_input (
    id           BIGINT PRIMARY KEY,
    sha256       BYTEA  NOT NULL UNIQUE,        -- 32 bytes: half the index of hex text, and its inserts are random
    size_bytes   BIGINT NOT NULL,
    content_gzip BYTEA  NOT NULL,
    status       TEXT   NOT NULL,            -- parsed | quarantined
    channel      TEXT   NOT NULL,            -- file | https | smtp | imap
    received_at  BIGINT NOT NULL,
    origin       TEXT,                       -- file path or remote address
    message_id   TEXT,
    dkim_result  TEXT
);
CREATE INDEX raw_input_received_at ON raw_input (received_at);

CREATE TABLE report (
    id                BIGINT PRIMARY KEY,
    reporter_key      TEXT   NOT NULL,
    report_id         TEXT   NOT NULL,
    range_start       BIGINT NOT NULL,
    range_end         BIGINT NOT NULL,
    organization_name TEXT   NOT NULL,
    contact_info      TEXT,
    raw_input_id      BIGINT,                -- no foreign key: retention may delete the raw input
    stored_at         BIGINT NOT NULL,
    successful_sessions BIGINT NOT NULL,
    failed_sessions     BIGINT NOT NULL,
    CONSTRAINT report_dedup UNIQUE (reporter_key, report_id, range_start, range_end)
);
CREATE INDEX report_range_end ON report (range_end);

-- A later arrival of an already stored report (RFC 8460 §5.5 retries, several rua destinations).
CREATE TABLE report_sighting (
    id           BIGINT PRIMARY KEY,
    report_id    BIGINT NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    raw_input_id BIGINT,
    channel      TEXT   NOT NULL,
    received_at  BIGINT NOT NULL,
    origin       TEXT,
    message_id   TEXT
);
CREATE INDEX report_sighting_report ON report_sighting (report_id);

CREATE TABLE policy (
    id                  BIGINT PRIMARY KEY,
    report_id           BIGINT NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    policy_type         TEXT   NOT NULL,
    policy_domain       TEXT,
    policy_strings      TEXT   NOT NULL,     -- newline-separated
    mx_hosts            TEXT   NOT NULL,     -- newline-separated
    successful_sessions BIGINT NOT NULL,
    failed_sessions     BIGINT NOT NULL
);
CREATE INDEX policy_report ON policy (report_id);

CREATE TABLE failure_detail (
    id                     BIGINT PRIMARY KEY,
    policy_id              BIGINT NOT NULL REFERENCES policy (id) ON DELETE CASCADE,
    report_id              BIGINT NOT NULL,
    result_type            TEXT   NOT NULL,
    sending_mta_ip         TEXT,
    receiving_mx_hostname  TEXT,
    receiving_mx_helo      TEXT,
    receiving_ip           TEXT,
    failed_session_count   BIGINT NOT NULL,
    additional_information TEXT,
    failure_reason_code    TEXT
);
CREATE INDEX failure_detail_report ON failure_detail (report_id);

CREATE TABLE report_warning (
    id        BIGINT PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    code      TEXT   NOT NULL,
    location  TEXT   NOT NULL,
    message   TEXT   NOT NULL
);
CREATE INDEX report_warning_report ON report_warning (report_id);

-- Inputs that were not stored as reports, with why. The bytes and provenance are in raw_input.
CREATE TABLE quarantine (
    raw_input_id   BIGINT PRIMARY KEY,
    kind           TEXT   NOT NULL,          -- a ReportParseException kind, or OTHER_DOMAIN
    reason         TEXT   NOT NULL,
    message        TEXT   NOT NULL,
    quarantined_at BIGINT NOT NULL
);

CREATE TABLE served_domain (
    domain   TEXT PRIMARY KEY,
    added_at BIGINT NOT NULL
);

CREATE TABLE setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Sessions per UTC day (of the report's start) x policy domain x reporter x kind x result type x
-- receiving MX, maintained in the transaction that stores the report. kind: 'S' successful
-- sessions and 'F' failed sessions as the summary says (result_type and mx empty), 'D' the
-- failed-session-count of failure details (which need not add up to 'F', RFC 8460 §4.4), 'R' the
-- number of reports about the domain (in the sessions column; result_type and mx empty).
CREATE TABLE rollup_daily (
    day           INTEGER NOT NULL,
    policy_domain TEXT    NOT NULL,
    reporter_key  TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    result_type   TEXT    NOT NULL,
    receiving_mx  TEXT    NOT NULL,
    sessions      BIGINT  NOT NULL,
    PRIMARY KEY (policy_domain, day, reporter_key, kind, result_type, receiving_mx)
);
