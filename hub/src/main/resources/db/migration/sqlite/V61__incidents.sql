-- Incidents (issue 12 §2): one per (domain, rule, subject), opened when its rule first fires, updated
-- on a material change, resolved once the condition has been clear for alerts.resolve-after. Keep in
-- step with ../postgresql/V61__incidents.sql. Times are epoch milliseconds (UTC). domain is '' for the
-- hub's own inputs (rule intake): such incidents belong to no organisation and only hub admins see them.
CREATE TABLE incident (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    domain         TEXT   NOT NULL,
    rule           TEXT   NOT NULL,
    subject        TEXT   NOT NULL,             -- reporter, MX, result type or receiver; '' when the rule has none
    severity       TEXT   NOT NULL,             -- warning | critical
    state          TEXT   NOT NULL,             -- open | resolved
    summary        TEXT   NOT NULL,
    rate_percent   REAL,                       -- the failure rate when opened or last updated (a doubling updates)
    parties        TEXT   NOT NULL,             -- reporters and MX hosts involved, newline-separated (a new one updates)
    evidence       TEXT   NOT NULL,             -- JSON: numbers, window, report ids
    opened_at      BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,             -- the last transition
    last_seen_at   BIGINT NOT NULL,             -- the last evaluation that found the condition
    resolved_at    BIGINT,
    acked_by       TEXT,
    acked_at       BIGINT,
    snoozed_by     TEXT,
    snoozed_at     BIGINT,
    snoozed_until  BIGINT
);
-- at most one open incident per key; resolved ones stay as history and a new one opens if it fires again
CREATE UNIQUE INDEX incident_open_key ON incident (domain, rule, subject) WHERE state = 'open';
CREATE INDEX incident_state_updated ON incident (state, updated_at);
CREATE INDEX incident_domain ON incident (domain, updated_at);

-- Every transition of an incident (opened, updated, resolved, acknowledged, snoozed), in order.
CREATE TABLE incident_event (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id BIGINT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    at          BIGINT NOT NULL,
    kind        TEXT   NOT NULL,                -- opened | updated | resolved | acknowledged | snoozed
    severity    TEXT   NOT NULL,
    actor       TEXT,                           -- who acknowledged or snoozed; null for the engine
    detail      TEXT   NOT NULL                 -- the summary at that moment, or the snooze's end
);
CREATE INDEX incident_event_incident ON incident_event (incident_id, id);

-- Receivers that are failing (IMAP poller, SMTP listener), per node, for the intake rule: a row exists
-- from the first failure until the next success, so that any node's job sees every node's receivers.
CREATE TABLE receiver_failure (
    node          TEXT   NOT NULL,
    receiver      TEXT   NOT NULL,
    failing_since BIGINT NOT NULL,
    last_error    TEXT   NOT NULL,
    last_at       BIGINT NOT NULL,
    PRIMARY KEY (node, receiver)
);
