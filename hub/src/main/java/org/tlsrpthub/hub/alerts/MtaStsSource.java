package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.tlsrpthub.hub.readiness.MtaStsFacts;

/**
 * Where the MTA-STS rules ({@code stale-policy}, {@code readiness-ready}, {@code enforce-would-fail})
 * learn a domain's readiness, enforced failures and stale reporters: the readiness service in
 * {@code serve} ({@code ReadinessService::facts}).
 */
@FunctionalInterface
public interface MtaStsSource {
    /** No policy history: those rules find nothing (benchmarks and tests of the other rules). */
    MtaStsSource NONE = (c, domain, at) -> null;

    MtaStsFacts at(Connection c, String domain, Instant at) throws SQLException;
}
