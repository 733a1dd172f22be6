-- MTA-STS policies the hub hosts (issue 13 §2, docs/policy-hosting.md). Every change is a new
-- version, never an update: the history is the table. A domain is hosted while it has a version;
-- its served policy is its newest version, until that version's serve_until has passed.
-- Keep in step with ../postgresql/V64__hosted_policies.sql. Times are epoch milliseconds (UTC).
CREATE TABLE hosted_policy_version (
    domain       TEXT    NOT NULL,
    version      INTEGER NOT NULL,   -- 1, 2, ... per domain
    policy_id    TEXT    NOT NULL,   -- the id for the _mta-sts TXT record (RFC 8461 §3.1: 1-32 letters and digits)
    mode         TEXT    NOT NULL,   -- enforce | testing | none
    mx           TEXT    NOT NULL,   -- the mx patterns, one per line, in file order
    max_age      BIGINT  NOT NULL,   -- seconds
    action       TEXT    NOT NULL,   -- create | edit | promote | rollback | import
    reason       TEXT,               -- why, as the person gave it (an override of the verdict must give one)
    verdict      TEXT,               -- the readiness verdict at a promote, kept beside an override
    actor        TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    serve_until  BIGINT,             -- for a mode none version: the end of the max_age that senders may still cache
    PRIMARY KEY (domain, version)
);
