-- The notification outbox (issue 12 §4): one row per incident transition and channel (and, for
-- email, recipient), written in the transaction that changes the incident, so a notification exists
-- exactly when the change does. The delivery job claims due rows (claimed_until is a lease: a row
-- claimed by a node that died is claimed again once it passes), sends them, and marks them sent, or
-- pending again with a later next_attempt_at, or failed after the last attempt.
-- Keep in step with ../sqlite/V62__notification_outbox.sql. Times are epoch milliseconds (UTC).
-- No secret enters it: channel settings (URLs with tokens, passwords) stay in the configuration.
CREATE TABLE notification_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at      BIGINT NOT NULL,
    incident_id     BIGINT NOT NULL,           -- 0 for a test message
    kind            TEXT   NOT NULL,           -- opened, updated, resolved, test
    org             TEXT,
    domain          TEXT   NOT NULL,
    rule            TEXT   NOT NULL,
    severity        TEXT   NOT NULL,
    channel         TEXT   NOT NULL,           -- alerts.channel.NAME
    recipient       TEXT   NOT NULL,           -- an email address, or '' for webhooks
    payload         TEXT   NOT NULL,           -- the transition as JSON
    status          TEXT   NOT NULL,           -- pending, sent, failed
    attempts        INT    NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    claimed_by      TEXT,                      -- the claiming node; once sent, the node that sent it
    claimed_until   BIGINT,
    last_error      TEXT,
    sent_at         BIGINT
);
CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);
CREATE INDEX notification_outbox_created ON notification_outbox (created_at);

-- The digests queued (alerts.digest.*): one per recipient and period, so a digest is queued once
-- however often, and on whichever node, the digest job runs. The digest itself is an outbox row.
CREATE TABLE notification_digest (
    recipient   TEXT   NOT NULL,
    period_from TEXT   NOT NULL,               -- the first day of the period, 2026-11-23
    queued_at   BIGINT NOT NULL,
    PRIMARY KEY (recipient, period_from)
);
