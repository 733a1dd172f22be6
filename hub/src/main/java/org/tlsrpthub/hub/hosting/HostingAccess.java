package org.tlsrpthub.hub.hosting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;

/**
 * Who may see and change a domain's hosted policy. Seeing needs the domain to be known to the hub
 * and in the scope's organisation (else "no domain", the same for another organisation's domain as
 * for an unknown one); changing needs the admin role, as changing a domain's owners does, and a
 * domain the hub serves.
 */
final class HostingAccess {
    private HostingAccess() {}

    static String domain(String domain) {
        if (domain == null || domain.isBlank()) throw HostingException.bad("name a domain");
        String d = DomainNames.normalise(domain);
        if (!DomainNames.isHostName(d) || !d.contains(".")) throw HostingException.bad("'" + PolicyRequest.printable(domain) + "' is not a domain name");
        return d;
    }

    /** Throws "no domain" unless the scope sees the domain and the hub knows it. */
    static void requireVisible(Connection c, Scope scope, String domain) throws SQLException {
        if (!ScopeSql.sees(c, scope, domain) || !exists(c, HostingSql.KNOWN, domain, domain)) throw HostingException.notFound(domain);
    }

    /**
     * As {@link #requireVisible}, then the admin role and a served domain (any known one when no
     * served domain is configured, as ingest treats them); returns the domain's organisation, null when unassigned.
     */
    static String requireChangeable(Connection c, Scope scope, String domain) throws SQLException {
        requireVisible(c, scope, domain);
        if (!scope.may(Role.ADMIN)) {
            throw HostingException.forbidden("changing the hosted MTA-STS policy needs the role " + Role.ADMIN.text()
                    + (scope.org() == null ? "" : " in organisation " + scope.org()));
        }
        if (exists(c, HostingSql.ANY_SERVED) && !exists(c, HostingSql.SERVED, domain)) {
            throw HostingException.conflict("the hub does not serve " + domain + " (it is not in the served domains: domains add " + domain + ")");
        }
        try (PreparedStatement ps = c.prepareStatement(HostingSql.ORG_OF)) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean exists(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
