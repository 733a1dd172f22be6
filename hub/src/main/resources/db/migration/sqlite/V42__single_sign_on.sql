-- Single sign-on with OpenID Connect (issue 10 §3). Keep in step with ../postgresql/V42__single_sign_on.sql.

-- A local user's email address: an identity provider's sign-in is linked to an existing local user
-- only when the provider says the address is verified and it is this one (compared case-insensitively).
ALTER TABLE app_user ADD COLUMN email TEXT;

-- Which provider identity is which user: the issuer and its subject (never reused by the provider),
-- so a renamed or re-addressed account stays the same user here.
CREATE TABLE oidc_identity (
    issuer    TEXT   NOT NULL,
    subject   TEXT   NOT NULL,
    user_name TEXT   NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (issuer, subject),
    UNIQUE (issuer, user_name)
);

-- A sign-in under way, between the redirect to the provider and its answer. The browser holds a
-- random cookie whose SHA-256 is the key, so the answer is accepted only in the browser that
-- started it, once, within ten minutes. The PKCE verifier and the nonce never leave the hub.
CREATE TABLE oidc_pending (
    id_sha256     TEXT   PRIMARY KEY,
    state         TEXT   NOT NULL,
    nonce         TEXT   NOT NULL,
    code_verifier TEXT   NOT NULL,
    next_path     TEXT   NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX oidc_pending_expires ON oidc_pending (expires_at);
