-- Domain owners (issue 10 §2): who is told first when a domain needs attention. Keep in step with
-- ../postgresql/V44__domain_owners.sql.

-- A user's alerts go to app_user.email, added by V42 (single sign-on links by the same address).

-- The organisation's default alert route: an email address that gets what no owner takes, and
-- every alert after the owners.
ALTER TABLE organisation ADD COLUMN alert_route TEXT;

-- kind 'user': owner is an app_user name, which owns the domain only while a member of the
-- domain's organisation (checked where owners are read, so leaving the organisation or a move of
-- the domain needs no clean-up here); kind 'email': owner is a group address.
CREATE TABLE domain_owner (
    domain   TEXT   NOT NULL REFERENCES domain_org (domain) ON DELETE CASCADE,
    kind     TEXT   NOT NULL CHECK (kind IN ('user', 'email')),
    owner    TEXT   NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (domain, kind, owner)
);
-- "My domains": the domains one user owns
CREATE INDEX domain_owner_owner ON domain_owner (kind, owner);
