-- Ownership (issue 10): organisations own domains; a user holds one role in each organisation they
-- belong to. Keep in step with ../postgresql/V40__organisations.sql.
-- An upgraded single-tenant store keeps working unchanged: everything moves into the organisation
-- 'default', every existing user keeps their rights there, and the catch-all rule '*' puts each
-- newly seen domain into 'default' too (a hub admin may remove it).

CREATE TABLE organisation (
    slug         TEXT   PRIMARY KEY,         -- [a-z0-9-]{1,40}: in URLs, the CLI and the API
    display_name TEXT   NOT NULL,
    created_at   BIGINT NOT NULL
);

-- role: admin (users, domains, settings, policy hosting, tokens), analyst (read everything;
-- acknowledge and snooze incidents, reprocess quarantine, run checks), viewer (read only).
-- app_user.is_admin now means hub admin: manages organisations and sees unassigned domains.
CREATE TABLE org_member (
    org       TEXT NOT NULL REFERENCES organisation (slug) ON DELETE CASCADE,
    user_name TEXT NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
    PRIMARY KEY (org, user_name)
);
CREATE INDEX org_member_user ON org_member (user_name);

-- Each domain belongs to at most one organisation. A domain seen in reports without a row here is
-- unassigned: stored and counted, shown only to hub admins until assigned.
CREATE TABLE domain_org (
    domain      TEXT   PRIMARY KEY,          -- DomainNames.normalise form, as policy.policy_domain
    org         TEXT   NOT NULL REFERENCES organisation (slug),
    assigned_at BIGINT NOT NULL,
    assigned_by TEXT                         -- a user name; null when a rule or the upgrade assigned it
);
CREATE INDEX domain_org_org ON domain_org (org);

-- Assign a newly seen domain: pattern is one domain ("example.com"), a suffix ("*.example.com": its
-- subdomains, not itself) or "*" (every domain). The most specific matching pattern wins.
CREATE TABLE domain_rule (
    pattern    TEXT   PRIMARY KEY,
    org        TEXT   NOT NULL REFERENCES organisation (slug) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);

-- A token acts in one organisation. role null: the role its user holds there, looked up on each
-- request; otherwise at most that (a read-only token for Grafana: 'viewer').
ALTER TABLE api_token ADD COLUMN org TEXT NOT NULL DEFAULT 'default';
ALTER TABLE api_token ADD COLUMN role TEXT CHECK (role IN ('admin', 'analyst', 'viewer'));
-- The organisation a browser session is looking at (switched by the user); null: their first.
ALTER TABLE web_session ADD COLUMN org TEXT;

INSERT INTO organisation (slug, display_name, created_at) VALUES ('default', 'Default organisation', 0);
-- Before organisations every user could read and act on everything, and admins managed users and tokens.
INSERT INTO org_member (org, user_name, role)
SELECT 'default', name, CASE WHEN is_admin THEN 'admin' ELSE 'analyst' END FROM app_user;
INSERT INTO domain_org (domain, org, assigned_at, assigned_by)
SELECT domain, 'default', 0, NULL FROM (
    SELECT domain FROM served_domain
    UNION SELECT policy_domain FROM rollup_domain_total
    UNION SELECT DISTINCT policy_domain FROM policy
) known WHERE domain IS NOT NULL AND domain <> '';
INSERT INTO domain_rule (pattern, org, created_at) VALUES ('*', 'default', 0);
