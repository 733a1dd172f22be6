package org.tlsrpthub.hub.oidc;

/** The SQL of single sign-on (V42__single_sign_on.sql, with app_user and org_member); portable between SQLite and PostgreSQL. */
final class OidcSql {
    private OidcSql() {}

    static final String INSERT_PENDING =
            "INSERT INTO oidc_pending (id_sha256, state, nonce, code_verifier, next_path, expires_at) VALUES (?, ?, ?, ?, ?, ?)";
    static final String FIND_PENDING = "SELECT state, nonce, code_verifier, next_path FROM oidc_pending WHERE id_sha256 = ? AND expires_at > ?";
    static final String DELETE_PENDING = "DELETE FROM oidc_pending WHERE id_sha256 = ?";
    static final String PURGE_PENDING = "DELETE FROM oidc_pending WHERE expires_at <= ?";

    static final String FIND_IDENTITY = "SELECT user_name FROM oidc_identity WHERE issuer = ? AND subject = ?";
    static final String INSERT_IDENTITY = "INSERT INTO oidc_identity (issuer, subject, user_name, linked_at) VALUES (?, ?, ?, ?)";
    /** Local users not yet linked to an identity of this issuer, by email address (case-insensitive). */
    static final String UNLINKED_BY_EMAIL = "SELECT name, email FROM app_user WHERE LOWER(email) = LOWER(?) "
            + "AND name NOT IN (SELECT user_name FROM oidc_identity WHERE issuer = ?)";
    static final String UNLINKED_BY_NAME = "SELECT name, email FROM app_user WHERE name = ? "
            + "AND name NOT IN (SELECT user_name FROM oidc_identity WHERE issuer = ?)";
    static final String USER_EXISTS = "SELECT 1 FROM app_user WHERE name = ?";
    static final String IS_HUB_ADMIN = "SELECT is_admin FROM app_user WHERE name = ?";
    static final String INSERT_USER = "INSERT INTO app_user (name, password_hash, is_admin, created_at, email) VALUES (?, ?, ?, ?, ?)";
    static final String SET_EMAIL = "UPDATE app_user SET email = ? WHERE name = ?";

    static final String ORG_EXISTS = "SELECT 1 FROM organisation WHERE slug = ?";
    static final String DELETE_MEMBERSHIPS = "DELETE FROM org_member WHERE user_name = ?";
    static final String DELETE_SESSIONS = "DELETE FROM web_session WHERE user_name = ?";
    static final String INSERT_MEMBERSHIP = "INSERT INTO org_member (org, user_name, role) VALUES (?, ?, ?)";
}
