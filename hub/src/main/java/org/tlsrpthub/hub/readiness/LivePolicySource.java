package org.tlsrpthub.hub.readiness;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.FetchedPolicy;

/**
 * The policy the live checks last fetched from {@code mta-sts.DOMAIN} (issue 11), valid and parsed,
 * taken at or before the instant asked about. It is in force since the oldest check in the unbroken
 * run of stored checks that fetched the same version.
 */
public final class LivePolicySource implements CurrentPolicySource {
    /** How far back the run of equal versions is followed: the store keeps every check that showed a change. */
    private static final int HISTORY = 200;

    @Override
    public Optional<CurrentPolicy> current(Connection c, String domain, Instant at) throws SQLException {
        PolicyVersion current = null;
        Instant since = null;
        for (FetchedPolicy fetched : CheckStore.policiesAt(c, domain, at, HISTORY)) {
            PolicyVersion v = version(fetched);
            if (current == null) {
                if (v == null) return Optional.empty(); // the newest check fetched no valid policy: say nothing
                current = v;
            } else if (v == null || !current.id().equals(v.id())) {
                break;
            }
            since = fetched.checkedAt();
        }
        if (current == null) return Optional.empty();
        return Optional.of(new CurrentPolicy(current, CurrentPolicy.Source.LIVE, LocalDate.ofInstant(since, ZoneOffset.UTC)));
    }

    /** Without a check taken at or before {@code at} there is nothing to read. */
    @Override
    public Optional<CurrentPolicy> current(Connection c, String domain, Instant at, KnownSources known) throws SQLException {
        return known.newestCheck() == null ? Optional.empty() : current(c, domain, at);
    }

    /** The fetched policy as a version (mode and mx patterns), or null when none was fetched and parsed. */
    static PolicyVersion version(FetchedPolicy p) {
        if (!"valid".equals(p.status()) || p.mode() == null) return null;
        return new PolicyVersion(p.mode(), p.mx(), p.maxAge());
    }
}
