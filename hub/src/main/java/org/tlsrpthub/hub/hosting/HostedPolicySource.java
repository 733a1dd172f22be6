package org.tlsrpthub.hub.hosting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.tlsrpthub.hub.readiness.CurrentPolicy;
import org.tlsrpthub.hub.readiness.CurrentPolicySource;
import org.tlsrpthub.hub.readiness.KnownSources;
import org.tlsrpthub.hub.readiness.PolicyVersion;

/**
 * The policy the hub hosts (issue 13 §2) as the readiness verdict's current policy: the version in
 * force at the instant asked about, in force since the oldest version of the unbroken run with the
 * same mode and mx patterns (a new max_age or a new id alone does not restart the count of days).
 * A hosted mode none makes the verdict not-applicable.
 */
public final class HostedPolicySource implements CurrentPolicySource {

    /** A domain without any hosted version has nothing to read. */
    @Override
    public Optional<CurrentPolicy> current(Connection c, String domain, Instant at, KnownSources known) throws SQLException {
        return known.hosted() ? current(c, domain, at) : Optional.empty();
    }

    @Override
    public Optional<CurrentPolicy> current(Connection c, String domain, Instant at) throws SQLException {
        List<HostedVersion> history = HostedPolicyStore.history(c, domain).stream().filter(v -> !v.createdAt().isAfter(at)).toList();
        if (history.isEmpty()) return Optional.empty();
        HostedVersion current = history.get(0);
        Instant since = current.createdAt();
        for (HostedVersion older : history.subList(1, history.size())) {
            if (older.mode() != current.mode() || !new HashSet<>(older.mxPatterns()).equals(new HashSet<>(current.mxPatterns()))) break;
            since = older.createdAt();
        }
        PolicyVersion version = new PolicyVersion(current.mode().value(), current.mxPatterns(), current.policy().maxAge());
        return Optional.of(new CurrentPolicy(version, CurrentPolicy.Source.HOSTED, LocalDate.ofInstant(since, ZoneOffset.UTC)));
    }
}
