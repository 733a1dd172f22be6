package org.tlsrpthub.hub.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.audit.AuditAction;
import org.tlsrpthub.hub.audit.AuditEvent;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;

/**
 * Who owns each domain (users of its organisation and group addresses), the organisation's
 * default alert route, and where an alert about a domain goes ({@link #recipients}). Reading needs
 * a role in the domain's organisation; changing owners or the route needs its admin role.
 */
public final class OwnersService {
    private final Database db;
    private final Clock clock;
    private final AuditLog audit;

    public OwnersService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(db, clock);
    }

    /** A domain with its owners, for the owners page. */
    public record DomainOwners(String domain, List<Owner> owners) {}

    public List<Owner> owners(Scope scope, String domain) throws SQLException {
        String d = normaliseDomain(domain);
        return db.withConnection(c -> {
            Lookups.orgOfVisibleDomain(c, scope, d, Role.VIEWER);
            return owners(c, d);
        });
    }

    private static List<Owner> owners(Connection c, String domain) throws SQLException {
        List<Owner> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OwnershipSql.OWNERS)) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Owner(Owner.Kind.of(rs.getString(1)), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    /**
     * Names an owner: a user who is a member of the domain's organisation, or a group address.
     * Returns false when they owned it already.
     */
    public boolean addOwner(Scope scope, Actor by, String domain, Owner.Kind kind, String name) throws SQLException {
        String d = normaliseDomain(domain);
        return db.inTransaction(c -> {
            String org = Lookups.orgOfVisibleDomain(c, scope, d, Role.ADMIN);
            String owner = ownerName(kind, name);
            if (kind == Owner.Kind.USER && !Lookups.exists(c, OwnershipSql.IS_MEMBER, org, owner)) {
                throw OwnershipException.bad("user '" + owner + "' is not a member of organisation " + org);
            }
            try (PreparedStatement ps = c.prepareStatement(OwnershipSql.ADD_OWNER)) {
                ps.setString(1, d);
                ps.setString(2, kind.id());
                ps.setString(3, owner);
                ps.setLong(4, clock.millis());
                if (ps.executeUpdate() != 1) return false;
            }
            audit.record(c, AuditEvent.of(by, AuditAction.OWNER_ADDED).org(org).target(d)
                    .after(AuditEvent.state(kind.id(), owner)));
            return true;
        });
    }

    /** Returns false when they did not own it. */
    public boolean removeOwner(Scope scope, Actor by, String domain, Owner.Kind kind, String name) throws SQLException {
        String d = normaliseDomain(domain);
        return db.inTransaction(c -> {
            String org = Lookups.orgOfVisibleDomain(c, scope, d, Role.ADMIN);
            String owner = ownerName(kind, name);
            try (PreparedStatement ps = c.prepareStatement(OwnershipSql.REMOVE_OWNER)) {
                ps.setString(1, d);
                ps.setString(2, kind.id());
                ps.setString(3, owner);
                if (ps.executeUpdate() != 1) return false;
            }
            audit.record(c, AuditEvent.of(by, AuditAction.OWNER_REMOVED).org(org).target(d)
                    .before(AuditEvent.state(kind.id(), owner)));
            return true;
        });
    }

    private static String ownerName(Owner.Kind kind, String name) {
        if (kind == Owner.Kind.EMAIL) return EmailAddress.normalise(name);
        if (name == null || name.isBlank()) throw OwnershipException.bad("give the user name of the owner");
        return name.strip();
    }

    /**
     * Where an alert about {@code domain} goes, in order: the owners' addresses (in the order they
     * were named; users without an email are skipped), then the organisation's default alert route.
     * Empty for an unassigned domain, or when neither owners with an address nor a route exist.
     * For the alerting jobs, which act for the whole hub.
     */
    public List<String> recipients(String domain) throws SQLException {
        return recipients(Scope.wholeHub(), domain);
    }

    /** As {@link #recipients(String)}, for a domain {@code scope} may see. */
    public List<String> recipients(Scope scope, String domain) throws SQLException {
        String d = normaliseDomain(domain);
        return db.withConnection(c -> {
            String org = Lookups.string(c, OwnershipSql.ORG_OF_DOMAIN, d);
            if (org == null && scope.isWholeHub()) return List.of();
            return recipientsIn(c, d, Lookups.orgOfVisibleDomain(c, scope, d, Role.VIEWER));
        });
    }

    /**
     * As {@link #recipients(String)}, on the caller's connection: the notification outbox queues an
     * alert inside the transaction that changes the incident.
     */
    public static List<String> recipients(Connection c, String domain) throws SQLException {
        String d = normaliseDomain(domain);
        String org = Lookups.string(c, OwnershipSql.ORG_OF_DOMAIN, d);
        return org == null ? List.of() : recipientsIn(c, d, org);
    }

    private static List<String> recipientsIn(Connection c, String domain, String org) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        for (Owner o : owners(c, domain)) if (o.email() != null) out.add(o.email());
        String route = Lookups.string(c, OwnershipSql.ALERT_ROUTE, org);
        if (route != null) out.add(route);
        return List.copyOf(out);
    }

    /** The organisation's default alert route, or null when none is set. */
    public String alertRoute(Scope scope, String org) throws SQLException {
        Lookups.requireRoleIn(scope, org, Role.VIEWER);
        return db.withConnection(c -> {
            Lookups.requireOrg(c, org);
            return Lookups.string(c, OwnershipSql.ALERT_ROUTE, org);
        });
    }

    /** Sets (or with null or blank, clears) the organisation's default alert route; returns it as stored. */
    public String setAlertRoute(Scope scope, String org, String address) throws SQLException {
        Lookups.requireRoleIn(scope, org, Role.ADMIN);
        String route = address == null || address.isBlank() ? null : EmailAddress.normalise(address);
        return db.withConnection(c -> {
            Lookups.requireOrg(c, org);
            try (PreparedStatement ps = c.prepareStatement(OwnershipSql.SET_ALERT_ROUTE)) {
                ps.setString(1, route);
                ps.setString(2, org);
                ps.executeUpdate();
            }
            return route;
        });
    }

    /**
     * The scope's domains that pass {@code filter}: {@link OwnerFilter#MINE} those {@code user}
     * owns, {@link OwnerFilter#NONE} those nobody owns.
     */
    public Set<String> domains(Scope scope, OwnerFilter filter, String user) throws SQLException {
        if (filter == OwnerFilter.MINE && (user == null || user.isBlank())) throw OwnershipException.bad("\"my domains\" needs a user");
        return db.withConnection(c -> {
            Set<String> out = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(filter == OwnerFilter.MINE ? OwnershipSql.OWNED_BY : OwnershipSql.UNOWNED)) {
                int i = 1;
                if (filter == OwnerFilter.MINE) ps.setString(i++, user);
                ps.setString(i++, scope.org());
                ps.setString(i, scope.org());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Every domain of the scope's organisation (the whole hub's assigned ones for the CLI) with its owners. */
    public List<DomainOwners> byDomain(Scope scope) throws SQLException {
        return db.withConnection(c -> {
            List<String> domains = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(OwnershipSql.ORG_DOMAINS)) {
                ps.setString(1, scope.org());
                ps.setString(2, scope.org());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) domains.add(rs.getString(1));
                }
            }
            List<DomainOwners> out = new ArrayList<>(domains.size());
            for (String d : domains) out.add(new DomainOwners(d, owners(c, d)));
            return out;
        });
    }

    private static String normaliseDomain(String domain) {
        String d = DomainNames.normalise(domain == null ? "" : domain);
        if (d.isEmpty()) throw OwnershipException.bad("give a domain");
        return d;
    }
}
