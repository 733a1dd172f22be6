package org.tlsrpthub.hub.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.PolicyResult;

/**
 * Assigns the policy domains of newly stored reports by the rules, inside the writer's
 * transaction. Only domains this process has not met yet cost anything (the rules are read and
 * the assignments inserted in one batch); the rest is a look-up in memory, so ingest does not
 * slow down. {@code ON CONFLICT DO NOTHING} keeps the first assignment when several nodes (or a
 * hub admin) meet a domain at once, and never moves a domain that already has an organisation.
 *
 * <p>A domain that matched no rule stays unassigned, and is not tried again by this process: a
 * rule added later is applied to unassigned domains when its author asks ({@link AssignmentService#applyRules}).
 */
public final class DomainAssigner {
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    public DomainAssigner(Clock clock) {
        this.clock = clock;
    }

    /**
     * Assigns the domains of {@code reports} that this process has not met, in the transaction
     * open on {@code c}, and returns them: the caller passes them to {@link #remember} once the
     * transaction committed (a rolled-back attempt must try again).
     */
    public Set<String> assignNew(Connection c, Iterable<ParsedReport> reports) throws SQLException {
        SortedSet<String> fresh = new TreeSet<>(); // sorted: concurrent writers lock domain_org rows in one order
        for (ParsedReport pr : reports) {
            for (PolicyResult p : pr.report().policies()) {
                String d = p.policy().domain();
                if (d != null && !d.isEmpty() && !known.contains(d)) fresh.add(d);
            }
        }
        if (fresh.isEmpty()) return Set.of();
        AssignmentRules rules = new AssignmentRules(AssignmentRules.read(c));
        try (PreparedStatement ps = c.prepareStatement(OwnershipSql.ASSIGN_IF_NEW)) {
            boolean any = false;
            for (String d : fresh) {
                String org = rules.orgFor(d);
                if (org == null) continue;
                ps.setString(1, d);
                ps.setString(2, org);
                ps.setLong(3, clock.millis());
                ps.addBatch();
                any = true;
            }
            if (any) ps.executeBatch();
        }
        return fresh;
    }

    public void remember(Set<String> domains) {
        known.addAll(domains);
    }
}
