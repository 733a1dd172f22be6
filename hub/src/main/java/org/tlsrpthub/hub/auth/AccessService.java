package org.tlsrpthub.hub.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.audit.AuditAction;
import org.tlsrpthub.hub.audit.AuditEvent;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.ownership.EmailAddress;
import org.tlsrpthub.hub.ownership.OwnershipException;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Dialect;

/**
 * Users, browser sessions and API tokens, all kept in the database so that several hub nodes
 * behind one load balancer share them. Secrets are stored only as hashes. Every change, sign-in and
 * failed sign-in goes to the audit log under the service's actor ({@link #by}), in the change's own
 * transaction.
 */
public final class AccessService {
    /** A session lives this long after sign-in; no sliding renewal, so a stolen cookie ages out. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    private final Database db;
    private final Clock clock;
    private final AuditLog audit;
    private final Actor actor;

    /** Acting as the hub itself ({@link Actor#system()}): setup code; requests and commands use {@link #by}. */
    public AccessService(Database db, Clock clock) {
        this(db, clock, Actor.system());
    }

    private AccessService(Database db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(db, clock);
        this.actor = actor;
    }

    /** This service acting for {@code who}: the audit log names them, and their address, for what it does. */
    public AccessService by(Actor who) {
        return new AccessService(db, clock, who);
    }

    public boolean hasUsers() throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(AccessSql.COUNT_USERS); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    /**
     * Adds a user as a member of the organisation 'default' (while it exists): a hub admin as its
     * admin, anyone else as analyst, as the upgrade (V40) placed the users from before organisations.
     * Throws {@link IllegalArgumentException} for a bad name, a short password or a taken name.
     */
    public void addUser(String name, char[] password, boolean admin) throws SQLException {
        addUser(name, password, admin, OrgService.DEFAULT_ORG, admin ? Role.ADMIN : Role.ANALYST);
    }

    /** Adds a user with a role in {@code org}; {@code org} null: in no organisation (a hub admin needs none). */
    public void addUser(String name, char[] password, boolean hubAdmin, String org, Role role) throws SQLException {
        CredentialRules.checkName(name);
        CredentialRules.checkPassword(password);
        String hash = PasswordHasher.hash(password);
        db.inTransaction(c -> {
            if (exists(c, name)) throw new IllegalArgumentException("user '" + name + "' exists already");
            update(c, AccessSql.INSERT_USER, name, hash, hubAdmin, clock.millis());
            boolean member = org != null && update(c, AccessSql.INSERT_MEMBER_IF_ORG, org, name, role.text(), org) > 0;
            if (org != null && !member && !OrgService.DEFAULT_ORG.equals(org)) throw new IllegalArgumentException("no organisation '" + org + "'");
            audit.record(c, AuditEvent.of(actor, AuditAction.USER_ADDED).org(null).target(name).after(AuditEvent.state("hubAdmin", hubAdmin)));
            return null;
        });
    }

    /**
     * Creates the first admin, only while there is no user at all: the setup page's action. The check
     * and the insert share a transaction, so two racing setup forms cannot both win: SQLite runs one
     * writer at a time; on PostgreSQL a lock on the users table serialises the two transactions, and
     * the count (a new snapshot under READ COMMITTED) then sees the winner's row.
     *
     * <p>It needs a setup token the hub printed in its log ({@link SetupToken}), so that whoever
     * reaches a fresh public instance first cannot take it over; creating the admin uses up every
     * setup token. A wrong or used token: {@link IllegalArgumentException}.
     */
    public boolean addFirstAdmin(String name, char[] password, String setupToken) throws SQLException {
        CredentialRules.checkName(name);
        CredentialRules.checkPassword(password);
        return insertFirstAdmin(name, PasswordHasher.hash(password), setupToken);
    }

    /** The transaction of {@link #addFirstAdmin}, after the slow hashing (tests race it directly). */
    boolean insertFirstAdmin(String name, String hash, String setupToken) throws SQLException {
        return db.inTransaction(c -> {
            if (db.dialect() == Dialect.POSTGRESQL) {
                try (PreparedStatement lock = c.prepareStatement(AccessSql.LOCK_USERS_POSTGRESQL)) {
                    lock.execute();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(AccessSql.COUNT_USERS); ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) return false;
            }
            if (!SetupToken.useUp(c, setupToken)) {
                throw new IllegalArgumentException("the setup token is wrong: use the one the hub printed in its log at start");
            }
            update(c, AccessSql.INSERT_USER, name, hash, true, clock.millis());
            update(c, AccessSql.INSERT_MEMBER_IF_ORG, OrgService.DEFAULT_ORG, name, Role.ADMIN.text(), OrgService.DEFAULT_ORG);
            // whoever completes the setup form is the new admin from here on
            audit.record(c, AuditEvent.of(Actor.user(name, actor.address(), null), AuditAction.FIRST_ADMIN_CREATED)
                    .target(name).after(AuditEvent.state("hubAdmin", true)));
            return true;
        });
    }

    public void setPassword(String name, char[] password) throws SQLException {
        CredentialRules.checkPassword(password);
        String hash = PasswordHasher.hash(password);
        db.inTransaction(c -> {
            if (update(c, AccessSql.SET_PASSWORD, hash, name) == 0) throw new IllegalArgumentException("no user '" + name + "'");
            update(c, AccessSql.DELETE_USER_SESSIONS, name); // a new password signs out every browser
            audit.record(c, AuditEvent.of(actor, AuditAction.PASSWORD_CHANGED).org(null).target(name)
                    .detail("the user's sessions were ended"));
            return null;
        });
    }

    /** Sets (null: clears) a user's email address; single sign-on links a provider identity to a local user only through it. */
    public void setEmail(String name, String email) throws SQLException {
        String stored;
        try {
            stored = email == null ? null : EmailAddress.normalise(email); // the checks owners' addresses get
        } catch (OwnershipException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        db.withConnection(c -> {
            if (update(c, AccessSql.SET_EMAIL, stored, name) == 0) throw new IllegalArgumentException("no user '" + name + "'");
            return null;
        });
    }

    public boolean removeUser(String name) throws SQLException {
        return db.inTransaction(c -> {
            Boolean hubAdmin = isAdmin(c, name);
            update(c, AccessSql.DELETE_USER_SESSIONS, name);
            if (update(c, AccessSql.DELETE_USER, name) == 0) return false;
            audit.record(c, AuditEvent.of(actor, AuditAction.USER_REMOVED).org(null).target(name)
                    .before(AuditEvent.state("hubAdmin", hubAdmin)).detail("with their sessions and tokens"));
            return true;
        });
    }

    public List<User> users() throws SQLException {
        return db.withConnection(c -> {
            List<User> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(AccessSql.LIST_USERS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new User(rs.getString(1), rs.getBoolean(2), Instant.ofEpochMilli(rs.getLong(3))));
            }
            return out;
        });
    }

    /** Checks a password; an unknown user costs as much time as a wrong password, so names cannot be probed. */
    public boolean checkPassword(String name, char[] password) throws SQLException {
        String stored = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(AccessSql.USER_HASH)) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (!PasswordHasher.isHash(stored)) { // unknown, or a single sign-on user: as slow as a wrong password
            PasswordHasher.verify(password, DUMMY_HASH);
            return false;
        }
        return PasswordHasher.verify(password, stored);
    }

    private static final String DUMMY_HASH = PasswordHasher.hash("not a password".toCharArray());

    /** Signs in: returns the cookie value (shown to the browser only) and the session it names. */
    public Optional<SignedIn> signIn(String name, char[] password) throws SQLException {
        if (name == null || !checkPassword(name, password)) {
            audit.record(AuditEvent.of(Actor.unverified(name, actor.address()), AuditAction.SIGN_IN_FAILED)
                    .detail("wrong user name or password"));
            return Optional.empty();
        }
        return Optional.of(openSession(name, "local password"));
    }

    /**
     * Opens a session for a user whose identity was checked elsewhere (single sign-on) or just now;
     * {@code how} says which in the audit log.
     */
    public SignedIn openSession(String name, String how) throws SQLException {
        String cookie = Secrets.random(32);
        String csrf = Secrets.random(32);
        long now = clock.millis();
        db.inTransaction(c -> {
            update(c, AccessSql.PURGE_SESSIONS, now);
            update(c, AccessSql.INSERT_SESSION, Secrets.sha256(cookie), name, csrf, now, now + SESSION_LIFETIME.toMillis());
            audit.record(c, AuditEvent.of(Actor.user(name, actor.address(), null), AuditAction.SIGN_IN).detail(how));
            return null;
        });
        return new SignedIn(cookie, new Session(name, csrf, null));
    }

    public record SignedIn(String cookieValue, Session session) {}

    /** A sign-in refused after another check than a password (single sign-on), for the audit log; {@code name} may be null. */
    public void signInRefused(String name, String why) throws SQLException {
        audit.record(AuditEvent.of(Actor.unverified(name, actor.address()), AuditAction.SIGN_IN_FAILED).detail(why));
    }

    public Optional<Session> session(String cookieValue) throws SQLException {
        if (cookieValue == null || cookieValue.isEmpty()) return Optional.empty();
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(AccessSql.FIND_SESSION)) {
                ps.setString(1, Secrets.sha256(cookieValue));
                ps.setLong(2, clock.millis());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Session(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
                }
            }
        });
    }

    /** The organisation this browser session looks at from its next request on. */
    public void switchOrg(String cookieValue, String org) throws SQLException {
        db.withConnection(c -> update(c, AccessSql.SET_SESSION_ORG, org, Secrets.sha256(cookieValue)));
    }

    public void signOut(String cookieValue) throws SQLException {
        if (cookieValue == null) return;
        db.inTransaction(c -> {
            if (update(c, AccessSql.DELETE_SESSION, Secrets.sha256(cookieValue)) > 0) {
                audit.record(c, AuditEvent.of(actor, AuditAction.SIGN_OUT).org(null));
            }
            return null;
        });
    }

    /** A token of {@code user} in the organisation 'default' with the user's rights: what tokens were before organisations. */
    public NewToken createToken(String user, String label) throws SQLException {
        return createToken(user, label, OrgService.DEFAULT_ORG, null);
    }

    /**
     * A token acting for {@code user} in {@code org}, with at most {@code role} (null: the user's role
     * there, whatever it is at each request). The user must belong to {@code org} (or be a hub admin)
     * with at least {@code role}: nobody hands out more than they hold.
     */
    public NewToken createToken(String user, String label, String org, Role role) throws SQLException {
        String id = "tok_" + Secrets.random(6);
        // the prefix lets secret scanners and people recognise a leaked hub token
        String secret = "tlsrpthub_" + Secrets.random(32);
        OrgService orgs = new OrgService(db, clock);
        if (!exists(user)) throw new IllegalArgumentException("no user '" + user + "'");
        if (!orgs.exists(org)) throw new IllegalArgumentException("no organisation '" + org + "'");
        Optional<Role> held = orgs.isHubAdmin(user) ? Optional.of(Role.ADMIN)
                : orgs.memberships(user).stream().filter(m -> m.org().equals(org)).map(m -> m.role()).findFirst();
        if (held.isEmpty()) throw new IllegalArgumentException("user '" + user + "' is not a member of '" + org + "'");
        if (role != null && !held.get().atLeast(role)) {
            throw new IllegalArgumentException("user '" + user + "' is " + held.get().text() + " in '" + org + "' and cannot hand out " + role.text());
        }
        String text = label == null ? "" : label;
        db.inTransaction(c -> {
            update(c, AccessSql.INSERT_TOKEN, id, Secrets.sha256(secret), text, user, clock.millis(), org, role == null ? null : role.text());
            audit.record(c, AuditEvent.of(actor, AuditAction.TOKEN_CREATED).org(org).target(id)
                    .after(role == null ? AuditEvent.state("user", user, "label", text, "org", org)
                            : AuditEvent.state("user", user, "label", text, "org", org, "role", role.text())));
            return null;
        });
        return new NewToken(id, secret);
    }

    /** What a valid (unrevoked) token grants: its public id, user, organisation and role cap (null: the user's role). */
    public record TokenGrant(String id, String user, String org, Role role) {}

    /** The valid (unrevoked) token with this secret; notes when it was last used. */
    public Optional<TokenGrant> token(String secret) throws SQLException {
        if (secret == null || secret.isEmpty()) return Optional.empty();
        return db.withConnection(c -> {
            TokenGrant grant;
            try (PreparedStatement ps = c.prepareStatement(AccessSql.FIND_TOKEN)) {
                ps.setString(1, Secrets.sha256(secret));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    grant = new TokenGrant(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4) == null ? null : Role.of(rs.getString(4)));
                }
            }
            update(c, AccessSql.TOUCH_TOKEN, clock.millis(), grant.id());
            return Optional.of(grant);
        });
    }

    public List<ApiToken> tokens() throws SQLException {
        return db.withConnection(c -> {
            List<ApiToken> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(AccessSql.LIST_TOKENS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ApiToken(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(7),
                            rs.getString(8) == null ? null : Role.of(rs.getString(8)),
                            Instant.ofEpochMilli(rs.getLong(4)), instant(rs, 5), instant(rs, 6)));
                }
            }
            return out;
        });
    }

    /**
     * The tokens a scope may see and revoke: a hub admin all; an organisation's admin the
     * organisation's and their own; anyone else their own.
     */
    public List<ApiToken> tokensVisibleTo(Scope scope) throws SQLException {
        if (scope.hubAdmin()) return tokens();
        boolean orgAdmin = scope.may(Role.ADMIN);
        return tokens().stream().filter(t -> t.user().equals(scope.user()) || orgAdmin && t.org().equals(scope.org())).toList();
    }

    /** Revokes a token by its public id; false when there is no such valid token. */
    public boolean revokeToken(String id) throws SQLException {
        return db.inTransaction(c -> {
            if (update(c, AccessSql.REVOKE_TOKEN, clock.millis(), id) == 0) return false;
            audit.record(c, AuditEvent.of(actor, AuditAction.TOKEN_REVOKED).org(tokenOrg(c, id)).target(id)
                    .before(AuditEvent.state("status", "valid")).after(AuditEvent.state("status", "revoked")));
            return true;
        });
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static String tokenOrg(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AccessSql.TOKEN_ORG)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Whether {@code name} is a hub admin; null when there is no such user. */
    private static Boolean isAdmin(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AccessSql.USER_IS_ADMIN)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private boolean exists(String name) throws SQLException {
        return db.withConnection(c -> exists(c, name));
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AccessSql.USER_HASH)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }
}
