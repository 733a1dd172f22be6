package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.tlsrpthub.hub.readiness.KnownSources;
import org.tlsrpthub.hub.readiness.MtaStsFacts;
import org.tlsrpthub.hub.readiness.PolicyData;
import org.tlsrpthub.hub.readiness.ReadinessService;

/**
 * Where the MTA-STS rules ({@code stale-policy}, {@code readiness-ready}, {@code enforce-would-fail})
 * learn a domain's readiness, enforced failures and stale reporters: the readiness service in
 * {@code serve}. The evaluation reads the policy rollups of a chunk of domains once, for these rules
 * and its own.
 */
public interface MtaStsSource {
    /** No policy history: those rules find nothing (benchmarks and tests of the other rules). */
    MtaStsSource NONE = new MtaStsSource() {
        @Override
        public int windowDays() {
            return 0;
        }

        @Override
        public MtaStsFacts at(Connection c, String domain, Instant at, PolicyData data, KnownSources known) {
            return null;
        }
    };

    /** How many complete days of policy cells before the evaluated instant {@link #at} reads. */
    int windowDays();

    /**
     * @param data  the domain's policy rollups, cells of at least {@link #windowDays()} days
     * @param known its newest live check taken at or before {@code at}, and whether it is hosted
     */
    MtaStsFacts at(Connection c, String domain, Instant at, PolicyData data, KnownSources known) throws SQLException;

    /** The readiness service's facts. */
    static MtaStsSource of(ReadinessService readiness) {
        return new MtaStsSource() {
            @Override
            public int windowDays() {
                return readiness.settings().windowDays();
            }

            @Override
            public MtaStsFacts at(Connection c, String domain, Instant at, PolicyData data, KnownSources known) throws SQLException {
                return readiness.facts(c, domain, at, data, known);
            }
        };
    }
}
