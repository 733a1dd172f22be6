package org.tlsrpthub.hub.readiness;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the readiness verdict may learn a domain's current policy before it falls back to what the
 * reports say ({@link ReportedPolicy}). {@link ReadinessService} asks its sources in order and takes
 * the first answer: the hosted policy (issue 13 §2), then the last live-fetched one (issue 11), once
 * those exist; plug them in through {@link ReadinessService}'s constructor.
 */
public interface CurrentPolicySource {
    /** The domain's policy at {@code at}, or empty when this source does not know it. */
    Optional<CurrentPolicy> current(Connection c, String domain, Instant at) throws SQLException;

    /** As above, where the caller knows already what some sources hold. */
    default Optional<CurrentPolicy> current(Connection c, String domain, Instant at, KnownSources known) throws SQLException {
        return current(c, domain, at);
    }
}
