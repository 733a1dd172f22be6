package org.tlsrpthub.hub.oidc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.auth.Secrets;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.store.Database;

/**
 * The user a provider identity signs in as. The provider decides the memberships: at every sign-in
 * they are set to what the role mapping gives, so a change at the provider applies at the next
 * sign-in. A user is created only when the mapping gives at least one role; an existing local user is
 * linked only through an email address the provider has verified and that matches theirs.
 */
final class SsoAccounts {
    private static final Logger log = LoggerFactory.getLogger(SsoAccounts.class);
    /** Stored as the password hash of users made by single sign-on: no password ever matches it. */
    static final String NO_PASSWORD = "sso-only";
    private static final Pattern NOT_NAME_CHAR = Pattern.compile("[^A-Za-z0-9._@-]");
    private static final int NAME_LENGTH = 64;

    private final Database db;
    private final Clock clock;

    SsoAccounts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Who signed in, or why not. */
    record Outcome(String user, SignInRefused refused) {}

    /** The local user to open a session for, after setting their memberships from {@code roles}; or a refusal. */
    Outcome signIn(ProviderIdentity who, Map<String, Role> roles) throws SQLException {
        try {
            return db.inTransaction(c -> {
                Map<String, Role> known = existingOrgs(c, roles);
                String linked = one(c, OidcSql.FIND_IDENTITY, who.issuer(), who.subject());
                String user = linked != null ? linked : linkOrCreate(c, who, known);
                update(c, OidcSql.DELETE_MEMBERSHIPS, user);
                // the provider may have taken every role away: then the memberships go, with the sessions of earlier
                // sign-ins (a user in no organisation must not keep browsing), and the sign-in is refused
                if (known.isEmpty() && !hubAdmin(c, user)) {
                    update(c, OidcSql.DELETE_SESSIONS, user);
                    return new Outcome(null, noAccess());
                }
                if (who.emailVerified() && who.email() != null) update(c, OidcSql.SET_EMAIL, who.email(), user);
                for (Map.Entry<String, Role> e : known.entrySet()) update(c, OidcSql.INSERT_MEMBERSHIP, e.getKey(), user, e.getValue().text());
                return new Outcome(user, null);
            });
        } catch (Refusal r) {
            return new Outcome(null, r.refused);
        }
    }

    private String linkOrCreate(Connection c, ProviderIdentity who, Map<String, Role> roles) throws SQLException {
        List<String[]> candidates = new ArrayList<>();
        if (who.email() != null) candidates.addAll(rows(c, OidcSql.UNLINKED_BY_EMAIL, who.email(), who.issuer()));
        String wanted = baseName(who);
        if (candidates.isEmpty()) candidates.addAll(rows(c, OidcSql.UNLINKED_BY_NAME, wanted, who.issuer()));
        if (candidates.size() > 1) {
            throw new Refusal(new SignInRefused("Several accounts here have the email address of your sign-in, so it cannot be "
                    + "linked to one of them. Ask an administrator to give each account its own address."));
        }
        if (candidates.size() == 1) {
            String[] local = candidates.get(0);
            if (!who.emailVerified() || who.email() == null || local[1] == null || !local[1].equalsIgnoreCase(who.email())) {
                throw new Refusal(new SignInRefused("An account named '" + local[0] + "' already exists here. Your sign-in is linked "
                        + "to it only when your identity provider confirms your email address (email_verified) and that address is the "
                        + "account's. Ask an administrator to set the account's email address (tlsrpt-hub users email)."));
            }
            if (roles.isEmpty() && !hubAdmin(c, local[0])) throw new Refusal(noAccess());
            update(c, OidcSql.INSERT_IDENTITY, who.issuer(), who.subject(), local[0], clock.millis());
            log.info("event=sso-linked user=\"{}\" issuer=\"{}\"", local[0], who.issuer());
            return local[0];
        }
        if (roles.isEmpty()) throw new Refusal(noAccess()); // no user is created for someone without a role
        String name = freeName(c, wanted);
        update(c, OidcSql.INSERT_USER, name, NO_PASSWORD, false, clock.millis(), who.emailVerified() ? who.email() : null);
        update(c, OidcSql.INSERT_IDENTITY, who.issuer(), who.subject(), name, clock.millis());
        log.info("event=sso-user-created user=\"{}\" issuer=\"{}\"", name, who.issuer());
        return name;
    }

    private static SignInRefused noAccess() {
        return new SignInRefused("You signed in at your identity provider, but none of your groups or roles gives you access "
                + "to this hub. Ask an administrator to add you to a group that the hub maps to an organisation.");
    }

    /** A user name from the provider's preferred name or email, or from the subject when it gives neither. */
    static String baseName(ProviderIdentity who) {
        for (String candidate : new String[] {who.preferredName(), who.email()}) {
            if (candidate == null) continue;
            String n = NOT_NAME_CHAR.matcher(candidate).replaceAll("");
            if (!n.isEmpty()) return n.length() > NAME_LENGTH - 4 ? n.substring(0, NAME_LENGTH - 4) : n;
        }
        return "sso-" + Secrets.sha256(who.subject()).substring(0, 12);
    }

    private static String freeName(Connection c, String base) throws SQLException {
        String name = base;
        for (int i = 2; one(c, OidcSql.USER_EXISTS, name) != null; i++) name = base + "-" + i;
        return name;
    }

    /** The roles of organisations that exist; a mapping may name one that is not created yet. */
    private static Map<String, Role> existingOrgs(Connection c, Map<String, Role> roles) throws SQLException {
        Map<String, Role> out = new LinkedHashMap<>();
        for (Map.Entry<String, Role> e : roles.entrySet()) {
            if (one(c, OidcSql.ORG_EXISTS, e.getKey()) != null) out.put(e.getKey(), e.getValue());
            else log.warn("event=sso-unknown-organisation org=\"{}\" hint=\"oidc.role-mapping names an organisation that does not exist\"", e.getKey());
        }
        return out;
    }

    private static boolean hubAdmin(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OidcSql.IS_HUB_ADMIN)) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String[]> rows(Connection c, String sql, Object... args) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = bind(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        return out;
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement bind(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps;
    }

    /** Carries a refusal out of the transaction, which it rolls back: nothing was written when it is thrown. */
    private static final class Refusal extends RuntimeException {
        final SignInRefused refused;

        Refusal(SignInRefused refused) {
            super(refused.getMessage(), null, false, false);
            this.refused = refused;
        }
    }
}
