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
import java.util.regex.Pattern;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.audit.AuditAction;
import org.tlsrpthub.hub.audit.AuditEvent;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.orgs.Role;
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
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final int MIN_PASSWORD = 8;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");

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

    /** Adds a user; throws {@link IllegalArgumentException} for a bad name, a short password or a taken name. */
    public void addUser(String name, char[] password, boolean admin) throws SQLException {
        checkName(name);
        checkPassword(password);
        String hash = PasswordHasher.hash(password);
        db.inTransaction(c -> {
            if (exists(c, name)) throw new IllegalArgumentException("user '" + name + "' exists already");
            update(c, AccessSql.INSERT_USER, name, hash, admin, clock.millis());
            audit.record(c, AuditEvent.of(actor, AuditAction.USER_ADDED).org(null).target(name).after(AuditEvent.state("hubAdmin", admin)));
            return null;
        });
    }

    /**
     * Creates the first admin, only while there is no user at all: the setup page's action. The check
     * and the insert share a transaction, so two racing setup forms cannot both win: SQLite runs one
     * writer at a time; on PostgreSQL a lock on the users table serialises the two transactions, and
     * the count (a new snapshot under READ COMMITTED) then sees the winner's row.
     */
    public boolean addFirstAdmin(String name, char[] password) throws SQLException {
        checkName(name);
        checkPassword(password);
        return insertFirstAdmin(name, PasswordHasher.hash(password));
    }

    /** The transaction of {@link #addFirstAdmin}, after the slow hashing (tests race it directly). */
    boolean insertFirstAdmin(String name, String hash) throws SQLException {
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
            update(c, AccessSql.INSERT_USER, name, hash, true, clock.millis());
            // whoever completes the setup form is the new admin from here on
            audit.record(c, AuditEvent.of(Actor.user(name, actor.address(), null), AuditAction.FIRST_ADMIN_CREATED)
                    .target(name).after(AuditEvent.state("hubAdmin", true)));
            return true;
        });
    }

    public void setPassword(String name, char[] password) throws SQLException {
        checkPassword(password);
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
        if (email != null && !EMAIL.matcher(email).matches()) throw new IllegalArgumentException("'" + email + "' is not an email address");
        db.withConnection(c -> {
            if (update(c, AccessSql.SET_EMAIL, email, name) == 0) throw new IllegalArgumentException("no user '" + name + "'");
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
        return new SignedIn(cookie, new Session(name, csrf));
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
                    return rs.next() ? Optional.of(new Session(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
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

    public NewToken createToken(String user, String label) throws SQLException {
        String id = "tok_" + Secrets.random(6);
        // the prefix lets secret scanners and people recognise a leaked hub token
        String secret = "tlsrpthub_" + Secrets.random(32);
        db.inTransaction(c -> {
            if (!exists(c, user)) throw new IllegalArgumentException("no user '" + user + "'");
            update(c, AccessSql.INSERT_TOKEN, id, Secrets.sha256(secret), label == null ? "" : label, user, clock.millis());
            String org = tokenOrg(c, id);
            audit.record(c, AuditEvent.of(actor, AuditAction.TOKEN_CREATED).org(org).target(id)
                    .after(AuditEvent.state("user", user, "label", label == null ? "" : label, "org", org)));
            return null;
        });
        return new NewToken(id, secret);
    }

    /** The user a valid (unrevoked) token belongs to. */
    public Optional<String> tokenUser(String secret) throws SQLException {
        return token(secret).map(TokenHolder::user);
    }

    /** A valid token's public id and its user. */
    public record TokenHolder(String id, String user) {}

    /** The valid (unrevoked) token with this secret; notes when it was last used. */
    public Optional<TokenHolder> token(String secret) throws SQLException {
        if (secret == null || secret.isEmpty()) return Optional.empty();
        return db.withConnection(c -> {
            String id, user;
            try (PreparedStatement ps = c.prepareStatement(AccessSql.FIND_TOKEN)) {
                ps.setString(1, Secrets.sha256(secret));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    id = rs.getString(1);
                    user = rs.getString(2);
                }
            }
            update(c, AccessSql.TOUCH_TOKEN, clock.millis(), id);
            return Optional.of(new TokenHolder(id, user));
        });
    }

    public List<ApiToken> tokens() throws SQLException {
        return db.withConnection(c -> {
            List<ApiToken> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(AccessSql.LIST_TOKENS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ApiToken(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), instant(rs, 5), instant(rs, 6)));
                }
            }
            return out;
        });
    }

    public boolean isAdmin(String user) throws SQLException {
        return users().stream().anyMatch(u -> u.name().equals(user) && u.admin());
    }

    /** An organisation a user belongs to, with their role there. */
    public record Membership(String org, Role role) {}

    /** The user's first organisation (by slug); empty when they belong to none. */
    public Optional<Membership> firstMembership(String user) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(AccessSql.FIRST_MEMBERSHIP)) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Membership(rs.getString(1), Role.of(rs.getString(2)))) : Optional.empty();
                }
            }
        });
    }

    /** The tokens {@code user} may see and revoke: an admin all, anyone else their own. */
    public List<ApiToken> tokensVisibleTo(String user) throws SQLException {
        if (isAdmin(user)) return tokens();
        return tokens().stream().filter(t -> t.user().equals(user)).toList();
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

    static void checkName(String name) {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
    }
}
