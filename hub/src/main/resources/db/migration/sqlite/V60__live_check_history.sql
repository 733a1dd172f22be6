-- Live checks with their history (issue 11 §2, docs/scheduled-checks.md). Keep in step with
-- ../postgresql/V60__live_check_history.sql.

-- One live check of one domain: the check as the JSON 'check --json' prints (body), and the facts
-- the coverage page filters and sorts on, so that 1,000 domains are one indexed query.
CREATE TABLE check_result (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    domain             TEXT    NOT NULL,
    checked_at         BIGINT  NOT NULL,   -- epoch ms
    source             TEXT    NOT NULL,   -- schedule | now (a person or the API) | cli
    errors             INTEGER NOT NULL,
    warnings           INTEGER NOT NULL,
    tlsrpt_status      TEXT,               -- valid | missing | invalid | multiple
    reaches_hub        INTEGER NOT NULL,   -- 0/1: a rua is one of this hub's addresses
    tlsrpt_publish     TEXT,               -- the TLS-RPT record to publish when it is missing or misses the hub
    mta_sts_record     TEXT,               -- valid | missing | invalid | multiple
    policy_status      TEXT,
    policy_mode        TEXT,
    policy_id          TEXT,
    mx_count           INTEGER NOT NULL,
    mx_covered         INTEGER,            -- 0/1 every MX matched by the policy; null without a policy
    starttls_all       INTEGER,            -- 0/1 every MX offers STARTTLS; null without MX
    min_days_to_expiry INTEGER,            -- fewest days to a presented certificate's expiry; null when none
    dane_status        TEXT,
    body               TEXT    NOT NULL
);
CREATE INDEX check_result_domain ON check_result (domain, id);

-- The newest check of each domain: the coverage page and the schedule read only these rows.
CREATE TABLE check_latest (
    domain    TEXT   PRIMARY KEY,
    result_id BIGINT NOT NULL
);

-- The findings of each stored check, one row each (message and fix are in the body).
CREATE TABLE check_finding (
    result_id BIGINT  NOT NULL,
    position  INTEGER NOT NULL,
    finding   TEXT    NOT NULL,
    severity  TEXT    NOT NULL,
    subject   TEXT    NOT NULL,
    PRIMARY KEY (result_id, position)
);
CREATE INDEX check_finding_finding ON check_finding (finding);

-- What changed from one check of a domain to the next: the alert rules read these (CheckEvents).
-- kind: finding-appeared | finding-cleared | certificate-renewed | policy-id-changed | mx-set-changed
CREATE TABLE check_event (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    domain    TEXT    NOT NULL,
    at        BIGINT  NOT NULL,   -- the checked_at of the check that showed the change
    kind      TEXT    NOT NULL,
    subject   TEXT    NOT NULL,
    finding   TEXT,               -- the finding id, for finding-appeared and finding-cleared
    severity  TEXT,
    detail    TEXT    NOT NULL,
    result_id BIGINT  NOT NULL
);
CREATE INDEX check_event_domain ON check_event (domain, id);
CREATE INDEX check_event_result ON check_event (result_id);
