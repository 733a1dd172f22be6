package org.tlsrpthub.hub.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.tlsrpthub.hub.store.Database;

/** Puts every reported domain of a benchmark store into one organisation, so reads can be timed as that organisation. */
public final class BenchOrgSql {
    private BenchOrgSql() {}

    static final String ASSIGN_ALL = """
            INSERT INTO domain_org (domain, org, assigned_at)
            SELECT policy_domain, ?, 0 FROM rollup_domain_total
            WHERE policy_domain <> '' AND policy_domain NOT IN (SELECT domain FROM domain_org)""";

    static final String ASSIGN_SERVED = """
            INSERT INTO domain_org (domain, org, assigned_at)
            SELECT domain, ?, 0 FROM served_domain WHERE domain NOT IN (SELECT domain FROM domain_org)""";

    /** Assigns the served domains not yet assigned to {@code org} (which must exist); returns how many. */
    public static int assignServed(Database db, String org) throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(ASSIGN_SERVED)) {
                ps.setString(1, org);
                return ps.executeUpdate();
            }
        });
    }

    /** Assigns the domains not yet assigned to {@code org} (which must exist); returns how many. */
    public static int assignAll(Database db, String org) throws SQLException {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(ASSIGN_ALL)) {
                ps.setString(1, org);
                return ps.executeUpdate();
            }
        });
    }
}
