package org.tlsrpthub.hub.auth;

/** The SQL of the access tables (V10__auth.sql, V40__organisations.sql); portable between SQLite and PostgreSQL. */
final class AccessSql {
    private AccessSql() {}

    static final String COUNT_USERS = "SELECT COUNT(*) FROM app_user";
    /** Conflicts with itself, so two first-admin transactions run one after the other (readers are not blocked). */
    static final String LOCK_USERS_POSTGRESQL = "LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE";
    static final String INSERT_USER = "INSERT INTO app_user (name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?)";
    static final String USER_HASH = "SELECT password_hash FROM app_user WHERE name = ?";
    static final String SET_PASSWORD = "UPDATE app_user SET password_hash = ? WHERE name = ?";
    static final String USER_IS_ADMIN = "SELECT is_admin FROM app_user WHERE name = ?";
    static final String SET_EMAIL = "UPDATE app_user SET email = ? WHERE name = ?";
    static final String LIST_USERS = "SELECT name, is_admin, created_at FROM app_user ORDER BY name";
    static final String DELETE_USER = "DELETE FROM app_user WHERE name = ?";

    static final String INSERT_SESSION =
            "INSERT INTO web_session (id_sha256, user_name, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)";
    static final String FIND_SESSION = "SELECT user_name, csrf_token, org FROM web_session WHERE id_sha256 = ? AND expires_at > ?";
    static final String SET_SESSION_ORG = "UPDATE web_session SET org = ? WHERE id_sha256 = ?";
    static final String DELETE_SESSION = "DELETE FROM web_session WHERE id_sha256 = ?";
    static final String DELETE_USER_SESSIONS = "DELETE FROM web_session WHERE user_name = ?";
    static final String PURGE_SESSIONS = "DELETE FROM web_session WHERE expires_at <= ?";

    /** Adds the membership only when the organisation exists (a hub admin may have removed 'default'). */
    static final String INSERT_MEMBER_IF_ORG =
            "INSERT INTO org_member (org, user_name, role) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM organisation WHERE slug = ?)";

    static final String INSERT_TOKEN =
            "INSERT INTO api_token (id, token_sha256, label, user_name, created_at, org, role) VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String FIND_TOKEN = "SELECT id, user_name, org, role FROM api_token WHERE token_sha256 = ? AND revoked_at IS NULL";
    static final String TOUCH_TOKEN = "UPDATE api_token SET last_used_at = ? WHERE id = ?";
    static final String LIST_TOKENS =
            "SELECT id, label, user_name, created_at, revoked_at, last_used_at, org, role FROM api_token ORDER BY created_at, id";
    static final String TOKEN_ORG = "SELECT org FROM api_token WHERE id = ?";
    static final String REVOKE_TOKEN = "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
}
