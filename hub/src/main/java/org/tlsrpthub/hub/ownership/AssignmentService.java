package org.tlsrpthub.hub.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.audit.AuditAction;
import org.tlsrpthub.hub.audit.AuditEvent;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;

/**
 * Which organisation each domain belongs to: the hub admin's assignments, the rules that assign
 * newly seen domains ({@link DomainAssigner} applies them while reports are stored), and the
 * domains waiting for an organisation. CLI, pages and API all call this; every method wants a hub admin.
 * Every assignment a person makes (directly or by applying a rule) is in the audit log.
 */
public final class AssignmentService {
    private final Database db;
    private final Clock clock;
    private final AuditLog audit;

    public AssignmentService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(db, clock);
    }

    public List<DomainRule> rules(Scope scope) throws SQLException {
        Lookups.requireHubAdmin(scope);
        return db.withConnection(AssignmentRules::read);
    }

    /**
     * Adds a rule, or points an existing pattern at another organisation. With {@code applyNow} the
     * unassigned domains this rule decides for are assigned at once; returns how many.
     */
    public int addRule(Scope scope, Actor by, String pattern, String org, boolean applyNow) throws SQLException {
        Lookups.requireHubAdmin(scope);
        String p = DomainRule.normalisePattern(pattern);
        return db.inTransaction(c -> {
            Lookups.requireOrg(c, org);
            try (PreparedStatement ps = c.prepareStatement(OwnershipSql.ADD_RULE)) {
                ps.setString(1, p);
                ps.setString(2, org);
                ps.setLong(3, clock.millis());
                ps.executeUpdate();
            }
            return applyNow ? apply(c, p, by) : 0;
        });
    }

    /** Removes a rule; false when there was none. Domains it assigned stay where they are. */
    public boolean removeRule(Scope scope, String pattern) throws SQLException {
        Lookups.requireHubAdmin(scope);
        String p = DomainRule.normalisePattern(pattern);
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(OwnershipSql.REMOVE_RULE)) {
                ps.setString(1, p);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Assigns every unassigned domain some rule matches; returns how many. */
    public int applyRules(Scope scope, Actor by) throws SQLException {
        Lookups.requireHubAdmin(scope);
        return db.inTransaction(c -> apply(c, null, by));
    }

    /** Unassigned domains decided by the rule {@code onlyPattern} (any rule when null) get its organisation. */
    private int apply(Connection c, String onlyPattern, Actor by) throws SQLException {
        AssignmentRules rules = new AssignmentRules(AssignmentRules.read(c));
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(OwnershipSql.ASSIGN_IF_NEW)) {
            for (UnassignedDomain u : unassigned(c)) {
                DomainRule rule = rules.match(u.domain());
                if (rule == null || (onlyPattern != null && !onlyPattern.equals(rule.pattern()))) continue;
                ps.setString(1, u.domain());
                ps.setString(2, rule.org());
                ps.setLong(3, clock.millis());
                if (ps.executeUpdate() != 1) continue;
                n++;
                audit.record(c, AuditEvent.of(by, AuditAction.DOMAIN_ASSIGNED).org(rule.org()).target(u.domain())
                        .before(AuditEvent.state("org", null)).after(AuditEvent.state("org", rule.org())).detail("rule " + rule.pattern()));
            }
        }
        return n;
    }

    /** The organisations' slugs, for the assignment forms. */
    public List<String> organisations(Scope scope) throws SQLException {
        Lookups.requireHubAdmin(scope);
        return db.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(OwnershipSql.ORGANISATIONS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    public List<UnassignedDomain> unassigned(Scope scope) throws SQLException {
        Lookups.requireHubAdmin(scope);
        return db.withConnection(AssignmentService::unassigned);
    }

    private static List<UnassignedDomain> unassigned(Connection c) throws SQLException {
        List<UnassignedDomain> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OwnershipSql.UNASSIGNED); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long last = rs.getLong(3);
                out.add(new UnassignedDomain(rs.getString(1), rs.getLong(2), rs.wasNull() ? null : Instant.ofEpochMilli(last)));
            }
        }
        return out;
    }

    /**
     * Puts {@code domain} (seen in reports, served, or assigned already) into {@code org}. A domain
     * that changes organisation loses its owners. Returns the organisation it had, or null.
     */
    public String assign(Scope scope, Actor by, String domain, String org) throws SQLException {
        Lookups.requireHubAdmin(scope);
        String d = DomainNames.normalise(domain == null ? "" : domain);
        return db.inTransaction(c -> {
            Lookups.requireOrg(c, org);
            String before = Lookups.string(c, OwnershipSql.ORG_OF_DOMAIN, d);
            if (before == null && !Lookups.exists(c, OwnershipSql.KNOWN_DOMAIN, d, d)) {
                throw OwnershipException.notFound("no reports about '" + d + "' and it is not served: nothing to assign");
            }
            if (org.equals(before)) return before;
            try (PreparedStatement ps = c.prepareStatement(OwnershipSql.ASSIGN)) {
                ps.setString(1, d);
                ps.setString(2, org);
                ps.setLong(3, clock.millis());
                ps.setString(4, scope.user());
                ps.executeUpdate();
            }
            if (before != null) {
                try (PreparedStatement ps = c.prepareStatement(OwnershipSql.CLEAR_OWNERS)) {
                    ps.setString(1, d);
                    ps.executeUpdate();
                }
            }
            audit.record(c, AuditEvent.of(by, AuditAction.DOMAIN_ASSIGNED).org(org).target(d)
                    .before(AuditEvent.state("org", before)).after(AuditEvent.state("org", org)));
            return before;
        });
    }
}
