package org.tlsrpthub.hub.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;

/** Reads and checks both ownership services share. */
final class Lookups {
    private Lookups() {}

    static boolean exists(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static String string(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void requireOrg(Connection c, String org) throws SQLException {
        if (org == null || !exists(c, OwnershipSql.ORG_EXISTS, org)) throw OwnershipException.bad("no organisation '" + org + "'");
    }

    /** Only hub admins manage assignment (and see unassigned domains). */
    static void requireHubAdmin(Scope scope) {
        if (!scope.hubAdmin()) throw OwnershipException.forbidden("only a hub admin assigns domains and manages assignment rules");
    }

    /**
     * The organisation of {@code domain} when {@code scope} may see it, with at least {@code role};
     * a domain outside the scope is not found, whatever it is.
     */
    static String orgOfVisibleDomain(Connection c, Scope scope, String domain, Role role) throws SQLException {
        String org = string(c, OwnershipSql.ORG_OF_DOMAIN, domain);
        if (org == null || !(scope.isWholeHub() || org.equals(scope.org()))) {
            throw OwnershipException.notFound("no domain '" + domain + "' in " + (scope.isWholeHub() ? "any organisation" : "organisation " + scope.org()));
        }
        if (!scope.may(role)) throw OwnershipException.forbidden("this needs the role " + role.text() + " in organisation " + org);
        return org;
    }

    /** Organisation {@code org} when {@code scope} acts in it with at least {@code role}. */
    static void requireRoleIn(Scope scope, String org, Role role) {
        if (!scope.isWholeHub() && !scope.org().equals(org)) throw OwnershipException.notFound("no organisation '" + org + "'");
        if (!scope.may(role)) throw OwnershipException.forbidden("this needs the role " + role.text() + " in organisation " + org);
    }
}
