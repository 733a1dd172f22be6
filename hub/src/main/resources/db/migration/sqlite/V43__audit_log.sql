-- The audit log (issue 10 §4): who did what, when, from where, in which organisation. Keep in step
-- with ../postgresql/V43__audit_log.sql. Times are epoch milliseconds (UTC).
-- Append-only: the application only inserts, and the triggers below make the database refuse
-- UPDATE and DELETE too, so an entry cannot be changed or removed through the hub or by a slip.
-- No foreign keys: an entry outlives the user, token or organisation it names.
-- Secrets (passwords, token secrets) never enter it.

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so entries keep their order
    at         BIGINT NOT NULL,
    org        TEXT,                              -- organisation slug; null for hub-wide actions
    actor      TEXT   NOT NULL,                   -- user name, token id, "cli:<os user>" or "system"
    actor_kind TEXT   NOT NULL,                   -- user, token, cli, system, unverified (a failed sign-in's typed name)
    address    TEXT   NOT NULL,                   -- client IP, or "local"
    action     TEXT   NOT NULL,                   -- the fixed vocabulary of AuditAction (sign-in, token-created, ...)
    target     TEXT,                              -- what it acted on: a user, token id, domain, input id, setting
    before     TEXT,                              -- JSON; null when not applicable
    after      TEXT,                              -- JSON; null when not applicable
    detail     TEXT
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_org_at ON audit_log (org, at, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;
