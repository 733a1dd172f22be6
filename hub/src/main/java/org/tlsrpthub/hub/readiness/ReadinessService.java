package org.tlsrpthub.hub.readiness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.StoredCheck;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.store.Database;

/**
 * MTA-STS readiness (issue 13 §1 and §3): the one service behind {@code readiness} on the CLI, the
 * domain page's panel, the overview's column and the API. Reads the policy rollups (migration V63),
 * never report rows; the current policy comes from the first of {@link #sources} that knows it, else
 * from what most reporters applied ({@link ReportedPolicy}).
 *
 * <p>The overview's column is kept in the database ({@link StoredColumns}): a page of the overview
 * reads it for the page's domains in one query and judges again only the domains whose reports, live
 * check or hosted policy changed since; the {@code readiness-column} job ({@link #refreshColumns})
 * judges the rest each UTC day, off the request path.
 */
public final class ReadinessService {
    private final Database db;
    private final Clock clock;
    private final ReadinessSettings settings;
    private final List<CurrentPolicySource> sources;
    private final StoredColumns columns;

    /** @param sources asked in order before the reports (hosted, then live-fetched policies) */
    public ReadinessService(Database db, Clock clock, ReadinessSettings settings, List<CurrentPolicySource> sources) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.sources = List.copyOf(sources);
        this.columns = new StoredColumns(db, clock, this::readiness);
    }

    /**
     * As {@code serve} and the commands use it: the readiness.* settings; the hosted policy, then the
     * live-fetched one, before the reports.
     */
    public static ReadinessService of(Database db, Clock clock, org.tlsrpthub.hub.config.Settings settings) {
        return new ReadinessService(db, clock, ReadinessSettings.from(settings),
                List.of(new org.tlsrpthub.hub.hosting.HostedPolicySource(), new LivePolicySource()));
    }

    public ReadinessService(Database db, Clock clock, ReadinessSettings settings) {
        this(db, clock, settings, List.of());
    }

    public ReadinessSettings settings() {
        return settings;
    }

    /**
     * The verdict at {@code at} (null: now), over the complete UTC days before it.
     *
     * @return empty when {@code scope} does not see the domain or the hub never heard of it, alike
     */
    public Optional<Readiness> readiness(Scope scope, String domain, Instant at) throws SQLException {
        String d = DomainNames.normalise(domain);
        Instant when = at == null ? clock.instant() : at;
        return db.withConnection(c -> known(c, scope, d) ? Optional.of(readiness(c, d, when)) : Optional.empty());
    }

    /**
     * The reporters still applying an older policy version at {@code at} (null: now): a reporter
     * with {@code past_max_age} should have fetched the new policy by now (docs/readiness.md). The
     * {@code stale-policy} alert rule reads the same through {@link #facts}.
     */
    public Optional<StalePolicy> stalePolicy(Scope scope, String domain, Instant at) throws SQLException {
        String d = DomainNames.normalise(domain);
        Instant when = at == null ? clock.instant() : at;
        return db.withConnection(c -> known(c, scope, d) ? Optional.of(stalePolicy(c, d, when)) : Optional.empty());
    }

    private StalePolicy stalePolicy(Connection c, String domain, Instant at) throws SQLException {
        int end = endDay(at);
        PolicyData data = PolicyData.read(c, domain, end - settings.windowDays(), end);
        return StaleReporters.of(domain, end, data, current(c, domain, at, data, end, new KnownSources(newestCheck(c, domain, at), true)));
    }

    /**
     * The verdict, the failures under an enforced policy and the stale reporters at {@code at}, for the
     * whole hub on the caller's connection: what the MTA-STS alert rules read (docs/alerts.md). The
     * caller has read the domain's policy rollups ({@link PolicyData#readAll}, cells from at least
     * {@link ReadinessSettings#windowDays()} days before {@code at}'s day), its newest live check taken
     * at or before {@code at} and whether it is hosted, for many domains at once.
     */
    public MtaStsFacts facts(Connection c, String domain, Instant at, PolicyData read, KnownSources known) throws SQLException {
        int end = endDay(at);
        PolicyData data = read.since(end - settings.windowDays());
        Optional<CurrentPolicy> current = current(c, domain, at, data, end, known);
        Tally tally = tally(data, current);
        return new MtaStsFacts(ReadinessRules.evaluate(domain, end, settings, data, current, tally, LiveCheckBlockers.reasons(known.newestCheck(), at)),
                ReadinessRules.underEnforce(end, settings, current, tally), StaleReporters.of(domain, end, data, current));
    }

    /**
     * The MTA-STS column of the overview for the given domains (those of the page shown), now.
     * Domains without any report get none.
     */
    public Map<String, MtaStsColumn> overviewColumn(List<String> domains) throws SQLException {
        return columns.read(domains);
    }

    /** The {@code readiness-column} job's run: judges the stored column of every domain that is stale or of an earlier day. */
    public String refreshColumns() throws SQLException {
        return columns.refresh();
    }

    /**
     * Forgets the domain's stored column, so that the next page judges it again: for a change the
     * column's stamp does not see. (A new report, live check or hosted version is seen already.)
     */
    public void invalidate(String domain) throws SQLException {
        db.withConnection(c -> {
            invalidate(c, domain);
            return null;
        });
    }

    /** As {@link #invalidate(String)}, in the caller's transaction (a hosted policy change). */
    public static void invalidate(Connection c, String domain) throws SQLException {
        StoredColumns.invalidate(c, DomainNames.normalise(domain));
    }

    private Readiness readiness(Connection c, String domain, Instant at) throws SQLException {
        int end = endDay(at);
        PolicyData data = PolicyData.read(c, domain, end - settings.windowDays(), end);
        DomainCheck check = newestCheck(c, domain, at);
        Optional<CurrentPolicy> current = current(c, domain, at, data, end, new KnownSources(check, true));
        return ReadinessRules.evaluate(domain, end, settings, data, current, tally(data, current), LiveCheckBlockers.reasons(check, at));
    }

    private Tally tally(PolicyData data, Optional<CurrentPolicy> current) {
        return current.map(p -> Tally.of(data, p, settings)).orElse(null);
    }

    private static DomainCheck newestCheck(Connection c, String domain, Instant at) throws SQLException {
        return CheckStore.latestAt(c, domain, at).map(StoredCheck::check).orElse(null);
    }

    private Optional<CurrentPolicy> current(Connection c, String domain, Instant at, PolicyData data, int end, KnownSources known)
            throws SQLException {
        for (CurrentPolicySource s : sources) {
            Optional<CurrentPolicy> p = s.current(c, domain, at, known);
            if (p.isPresent()) return p;
        }
        return ReportedPolicy.of(data, end - settings.windowDays());
    }

    private static int endDay(Instant at) {
        return (int) at.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private static boolean known(Connection c, Scope scope, String domain) throws SQLException {
        if (!ScopeSql.sees(c, scope, domain)) return false;
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.KNOWN)) {
            ps.setString(1, domain);
            ps.setString(2, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
