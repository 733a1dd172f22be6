package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.tlsrpthub.hub.readiness.StalePolicy;

/** Where the {@code stale-policy} rule learns who still applies an older MTA-STS policy: the readiness service in {@code serve}. */
@FunctionalInterface
public interface StalePolicies {
    /** No policy history: the rule finds nothing (benchmarks and tests of the other rules). */
    StalePolicies NONE = (c, domain, at) -> null;

    StalePolicy at(Connection c, String domain, Instant at) throws SQLException;
}
