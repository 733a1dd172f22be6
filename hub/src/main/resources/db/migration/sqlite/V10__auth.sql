-- Access to the dashboard and the API (issue 5, part 3). Times are epoch milliseconds (UTC).
-- Secrets are never stored: passwords as salted PBKDF2 hashes, session ids and API tokens as SHA-256.

CREATE TABLE app_user (
    name          TEXT PRIMARY KEY,
    password_hash TEXT    NOT NULL,          -- pbkdf2-sha256$iterations$salt$hash (base64)
    is_admin      BOOLEAN NOT NULL,
    created_at    BIGINT  NOT NULL
);

-- Server-side sessions, so several hub nodes on one database share them.
CREATE TABLE web_session (
    id_sha256  TEXT PRIMARY KEY,             -- SHA-256 of the cookie value
    user_name  TEXT   NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
    csrf_token TEXT   NOT NULL,              -- synchroniser token for this session's forms
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX web_session_expires ON web_session (expires_at);

CREATE TABLE api_token (
    id           TEXT PRIMARY KEY,           -- public id, shown in lists, used to revoke
    token_sha256 TEXT   NOT NULL UNIQUE,
    label        TEXT   NOT NULL,
    user_name    TEXT   NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    revoked_at   BIGINT,
    last_used_at BIGINT
);
