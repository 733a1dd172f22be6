package org.tlsrpthub.hub.orgs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The SQL that limits a read to the domains a scope sees: the domains of its organisation in
 * domain_org, unless the scope sees the whole hub (the CLI, jobs, hub admins). Filtering happens in
 * the database, as a semi-join on domain_org, so a page over 1,000 domains stays one query.
 */
public final class ScopeSql {
    private ScopeSql() {}

    /** The organisation's domains; one parameter, its slug. */
    public static final String ORG_DOMAINS = "SELECT domain FROM domain_org WHERE org = ?";
    static final String ORGANISATION = "SELECT 1 FROM organisation WHERE slug = ?";
    static final String SEES = "SELECT 1 FROM domain_org WHERE domain = ? AND org = ?";

    /** True when the scope is not limited to its organisation's domains (it also sees unassigned ones). */
    public static boolean seesAll(Scope scope) {
        return scope.hubAdmin();
    }

    /**
     * {@code " AND column IN (…the organisation's domains…)"}, or "" when the scope sees everything;
     * bind its one parameter with {@link #bind}.
     */
    public static String andDomainIn(Scope scope, String column) {
        return seesAll(scope) ? "" : " AND " + column + " IN (" + ORG_DOMAINS + ")";
    }

    /** Sets the organisation at {@code index} when the scope is filtered; returns the next free index. */
    public static int bind(PreparedStatement ps, int index, Scope scope) throws SQLException {
        if (seesAll(scope)) return index;
        ps.setString(index, scope.org());
        return index + 1;
    }

    /** Whether the organisation {@code slug} exists. */
    public static boolean organisationExists(Connection c, String slug) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ORGANISATION)) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether the scope sees {@code domain} (normalised form); a whole-hub scope sees every name. */
    public static boolean sees(Connection c, Scope scope, String domain) throws SQLException {
        if (seesAll(scope)) return true;
        try (PreparedStatement ps = c.prepareStatement(SEES)) {
            ps.setString(1, domain);
            ps.setString(2, scope.org());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
