package org.tlsrpthub.hub.orgs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.audit.AuditAction;
import org.tlsrpthub.hub.audit.AuditEvent;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Dialect;

/**
 * Organisations, their members and the hub-admin flag: the one service the CLI, the pages and the
 * API call. Every change takes the caller's {@link Scope} and checks it here, so no surface can
 * forget: organisations and hub admins are the hub admins' business; an organisation's members are
 * its admins' (and the hub admins'). Every change goes to the audit log in its own transaction,
 * under the actor given with {@link #by}.
 */
public final class OrgService {
    public static final String DEFAULT_ORG = "default";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,40}");
    private static final int MAX_DISPLAY_NAME = 100;

    private final Database db;
    private final Clock clock;
    private final AuditLog audit;
    private final Actor actor;

    public OrgService(Database db, Clock clock) {
        this(db, clock, Actor.system());
    }

    private OrgService(Database db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(db, clock);
        this.actor = actor;
    }

    /** This service acting for {@code who}: the audit log names them for what it changes. */
    public OrgService by(Actor who) {
        return new OrgService(db, clock, who);
    }

    private void record(Connection c, AuditAction action, String org, String target, Object before, Object after) throws SQLException {
        audit.record(c, AuditEvent.of(actor, action).org(org).target(target).before(before).after(after));
    }

    public List<Organisation> organisations(Scope scope) throws SQLException {
        requireHubAdmin(scope);
        return db.withConnection(c -> {
            List<Organisation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(OrgSql.LIST_ORGS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Organisation(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getLong(4), rs.getLong(5)));
                }
            }
            return out;
        });
    }

    /** Every organisation's slug: where a hub admin may go. */
    public List<String> slugs() throws SQLException {
        return organisations(Scope.wholeHub()).stream().map(Organisation::slug).toList();
    }

    public boolean exists(String slug) throws SQLException {
        return db.withConnection(c -> orgExists(c, slug));
    }

    public void create(Scope scope, String slug, String displayName) throws SQLException {
        requireHubAdmin(scope);
        checkSlug(slug);
        String name = displayName(displayName, slug);
        db.inTransaction(c -> {
            if (orgExists(c, slug)) throw OrgException.conflict("organisation '" + slug + "' exists already");
            update(c, OrgSql.INSERT_ORG, slug, name, clock.millis());
            record(c, AuditAction.ORG_CREATED, null, slug, null, AuditEvent.state("display_name", name));
            return null;
        });
    }

    public void rename(Scope scope, String slug, String displayName) throws SQLException {
        requireHubAdmin(scope);
        String name = displayName(displayName, null);
        db.inTransaction(c -> {
            if (update(c, OrgSql.RENAME_ORG, name, slug) == 0) throw noOrg(slug);
            record(c, AuditAction.SETTINGS_CHANGED, slug, slug, null, AuditEvent.state("display_name", name));
            return null;
        });
    }

    /**
     * Deletes an organisation that owns no domain (assign its domains elsewhere first) and is not the
     * last one; its tokens are revoked.
     */
    public void delete(Scope scope, String slug) throws SQLException {
        requireHubAdmin(scope);
        db.inTransaction(c -> {
            if (!orgExists(c, slug)) throw noOrg(slug);
            // a hub admin always has an organisation to enter
            if (count(c, OrgSql.COUNT_ORGS, slug) == 0) throw OrgException.conflict("'" + slug + "' is the last organisation");
            long domains = count(c, OrgSql.COUNT_ORG_DOMAINS, slug);
            if (domains > 0) {
                throw OrgException.conflict("organisation '" + slug + "' still owns " + domains + " domain(s): assign them to another organisation first");
            }
            update(c, OrgSql.REVOKE_ORG_TOKENS, clock.millis(), slug);
            update(c, OrgSql.FORGET_SESSION_ORG, slug);
            update(c, OrgSql.DELETE_ORG, slug);
            record(c, AuditAction.ORG_REMOVED, null, slug, null, null);
            return null;
        });
    }

    public List<Member> members(Scope scope, String org) throws SQLException {
        requireOrgAdmin(scope, org);
        return db.withConnection(c -> {
            if (!orgExists(c, org)) throw noOrg(org);
            return list(c, OrgSql.MEMBERS, org, rs -> new Member(rs.getString(1), null, rs.getString(2), Role.of(rs.getString(3))));
        });
    }

    public void addMember(Scope scope, String org, String user, Role role) throws SQLException {
        requireOrgAdmin(scope, org);
        db.inTransaction(c -> {
            if (!orgExists(c, org)) throw noOrg(org);
            if (hubAdminFlag(c, user).isEmpty()) throw OrgException.notFound("no user '" + user + "'");
            if (roleOf(c, user, org).isPresent()) throw OrgException.conflict("user '" + user + "' is a member of '" + org + "' already");
            update(c, OrgSql.INSERT_MEMBER, org, user, role.text());
            record(c, AuditAction.MEMBER_ADDED, org, user, null, AuditEvent.state("role", role.text()));
            return null;
        });
    }

    /** Takes effect on the user's next request: the access gate reads the role on every request. */
    public void setRole(Scope scope, String org, String user, Role role) throws SQLException {
        requireOrgAdmin(scope, org);
        db.inTransaction(c -> {
            Optional<Role> before = roleOf(c, user, org);
            if (before.isEmpty() || update(c, OrgSql.SET_ROLE, role.text(), org, user) == 0) throw noMember(org, user);
            record(c, AuditAction.ROLE_CHANGED, org, user, AuditEvent.state("role", before.get().text()), AuditEvent.state("role", role.text()));
            return null;
        });
    }

    public void removeMember(Scope scope, String org, String user) throws SQLException {
        requireOrgAdmin(scope, org);
        db.inTransaction(c -> {
            Optional<Role> before = roleOf(c, user, org);
            if (before.isEmpty() || update(c, OrgSql.DELETE_MEMBER, org, user) == 0) throw noMember(org, user);
            record(c, AuditAction.MEMBER_REMOVED, org, user, AuditEvent.state("role", before.get().text()), null);
            return null;
        });
    }

    /** A user's organisations with their role in each, by slug. */
    public List<Member> memberships(String user) throws SQLException {
        return db.withConnection(c -> list(c, OrgSql.MEMBERSHIPS, user,
                rs -> new Member(rs.getString(1), rs.getString(2), user, Role.of(rs.getString(3)))));
    }

    public boolean isHubAdmin(String user) throws SQLException {
        return db.withConnection(c -> hubAdminFlag(c, user).orElse(false));
    }

    /** Grants or withdraws the hub-admin flag; the last hub admin cannot be withdrawn. */
    public void setHubAdmin(Scope scope, String user, boolean hubAdmin) throws SQLException {
        requireHubAdmin(scope);
        db.inTransaction(c -> {
            if (db.dialect() == Dialect.POSTGRESQL) update(c, OrgSql.LOCK_USERS_POSTGRESQL);
            Optional<Boolean> now = hubAdminFlag(c, user);
            if (now.isEmpty()) throw OrgException.notFound("no user '" + user + "'");
            if (now.get() && !hubAdmin && count(c, OrgSql.COUNT_HUB_ADMINS, true) <= 1) {
                throw OrgException.conflict("'" + user + "' is the last hub admin: make another user hub admin first");
            }
            update(c, OrgSql.SET_HUB_ADMIN, hubAdmin, user);
            record(c, AuditAction.ROLE_CHANGED, null, user, AuditEvent.state("hub_admin", now.get()), AuditEvent.state("hub_admin", hubAdmin));
            return null;
        });
    }

    /** Slugs appear in URLs, the CLI and the API: lower-case letters, digits and '-', at most 40. */
    public static void checkSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw OrgException.badInput("organisation '" + slug + "': a slug is 1 to 40 of a-z, 0-9 and '-'");
        }
    }

    private static String displayName(String given, String fallback) {
        String name = given == null || given.isBlank() ? fallback : given.strip();
        if (name == null) throw OrgException.badInput("a display name is required");
        if (name.length() > MAX_DISPLAY_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw OrgException.badInput("display name '" + name + "': at most " + MAX_DISPLAY_NAME + " characters, no control characters");
        }
        return name;
    }

    private static void requireHubAdmin(Scope scope) {
        if (!scope.hubAdmin()) throw OrgException.forbidden("only a hub admin manages organisations and hub admins");
    }

    private static void requireOrgAdmin(Scope scope, String org) {
        if (scope.hubAdmin()) return;
        if (!org.equals(scope.org()) || !scope.may(Role.ADMIN)) {
            throw OrgException.forbidden("only an admin of '" + org + "' (or a hub admin) manages its members");
        }
    }

    private static OrgException noOrg(String slug) {
        return OrgException.notFound("no organisation '" + slug + "'");
    }

    private static OrgException noMember(String org, String user) {
        return OrgException.notFound("user '" + user + "' is not a member of '" + org + "'");
    }

    private static boolean orgExists(Connection c, String slug) throws SQLException {
        return !list(c, OrgSql.ORG_EXISTS, slug, rs -> 1).isEmpty();
    }

    private static Optional<Role> roleOf(Connection c, String user, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OrgSql.ROLE_OF)) {
            ps.setString(1, org);
            ps.setString(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Role.of(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private static Optional<Boolean> hubAdminFlag(Connection c, String user) throws SQLException {
        List<Boolean> v = list(c, OrgSql.USER_IS_ADMIN, user, rs -> rs.getBoolean(1));
        return v.stream().findFirst();
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> list(Connection c, String sql, String arg, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(mapper.map(rs));
                return out;
            }
        }
    }

    private static long count(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
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
