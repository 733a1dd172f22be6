package org.tlsrpthub.hub.orgs;

/** The SQL of organisations and their members (V40__organisations.sql); portable between SQLite and PostgreSQL. */
final class OrgSql {
    private OrgSql() {}

    static final String LIST_ORGS = "SELECT o.slug, o.display_name, o.created_at,"
            + " (SELECT COUNT(*) FROM org_member m WHERE m.org = o.slug),"
            + " (SELECT COUNT(*) FROM domain_org d WHERE d.org = o.slug)"
            + " FROM organisation o ORDER BY o.slug";
    static final String COUNT_ORGS = "SELECT COUNT(*) FROM organisation WHERE slug <> ?";
    static final String ORG_EXISTS = "SELECT 1 FROM organisation WHERE slug = ?";
    static final String INSERT_ORG = "INSERT INTO organisation (slug, display_name, created_at) VALUES (?, ?, ?)";
    static final String RENAME_ORG = "UPDATE organisation SET display_name = ? WHERE slug = ?";
    static final String COUNT_ORG_DOMAINS = "SELECT COUNT(*) FROM domain_org WHERE org = ?";
    static final String DELETE_ORG = "DELETE FROM organisation WHERE slug = ?";
    /** A deleted organisation's tokens would otherwise act in an organisation that no longer exists. */
    static final String REVOKE_ORG_TOKENS = "UPDATE api_token SET revoked_at = ? WHERE org = ? AND revoked_at IS NULL";
    static final String FORGET_SESSION_ORG = "UPDATE web_session SET org = NULL WHERE org = ?";

    static final String MEMBERS = "SELECT org, user_name, role FROM org_member WHERE org = ? ORDER BY user_name";
    static final String MEMBERSHIPS = "SELECT m.org, o.display_name, m.role FROM org_member m"
            + " JOIN organisation o ON o.slug = m.org WHERE m.user_name = ? ORDER BY m.org";
    static final String ROLE_OF = "SELECT role FROM org_member WHERE org = ? AND user_name = ?";
    static final String INSERT_MEMBER = "INSERT INTO org_member (org, user_name, role) VALUES (?, ?, ?)";
    static final String SET_ROLE = "UPDATE org_member SET role = ? WHERE org = ? AND user_name = ?";
    static final String DELETE_MEMBER = "DELETE FROM org_member WHERE org = ? AND user_name = ?";

    static final String USER_IS_ADMIN = "SELECT is_admin FROM app_user WHERE name = ?";
    static final String SET_HUB_ADMIN = "UPDATE app_user SET is_admin = ? WHERE name = ?";
    static final String COUNT_HUB_ADMINS = "SELECT COUNT(*) FROM app_user WHERE is_admin = ?";
    /** Serialises changes of the hub-admin flag, so two demotions cannot both see another admin left. */
    static final String LOCK_USERS_POSTGRESQL = "LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE";
}
