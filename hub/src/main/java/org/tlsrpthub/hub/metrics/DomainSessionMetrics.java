package org.tlsrpthub.hub.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.store.Database;

/**
 * Per-domain session counters from the stored reports, read at scrape time from
 * {@code rollup_domain_total} (one row per domain, maintained at ingest). They only grow while
 * reports arrive, so they are counters: Grafana graphs {@code rate()} or {@code increase()} of them.
 *
 * <p>Anyone may post a report about any domain, so the label values are bounded: with served domains
 * configured only those are labelled; without, the {@value #MAX_LABELLED} domains with the most
 * reports. The rest are summed under {@value #OTHER}.
 *
 * <p>Built per scrape for the scraper's scope: an organisation's token sees its own domains only
 * (served domains of other organisations are neither labelled nor summed into {@value #OTHER}).
 */
public final class DomainSessionMetrics {
    static final int MAX_LABELLED = 100;
    static final String OTHER = "(other)";
    static String totals(Scope scope) {
        return "SELECT policy_domain, successful_sessions, failed_sessions, reports FROM rollup_domain_total"
                + " WHERE policy_domain <> ''" + ScopeSql.andDomainIn(scope, "policy_domain");
    }

    record Row(String domain, long ok, long failed, long reports) {}

    private final Database db;
    private final Scope scope;

    public DomainSessionMetrics(Database db, PrometheusRegistry registry, Scope scope) {
        this.db = db;
        this.scope = scope;
        CounterWithCallback.builder().name("tlsrpthub_domain_sessions_total")
                .help("Sessions reported for the policy domain, by result (successful or failed, as the report summaries say)")
                .labelNames("domain", "result")
                .callback(cb -> {
                    for (Row r : rows()) {
                        cb.call(r.ok, r.domain, "successful");
                        cb.call(r.failed, r.domain, "failed");
                    }
                })
                .register(registry);
        CounterWithCallback.builder().name("tlsrpthub_domain_reports_total")
                .help("Reports stored about the policy domain").labelNames("domain")
                .callback(cb -> {
                    for (Row r : rows()) cb.call(r.reports, r.domain);
                })
                .register(registry);
    }

    private List<Row> rows() {
        try {
            return db.withConnection(c -> {
                List<Row> all = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(totals(scope))) {
                    ScopeSql.bind(ps, 1, scope);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) all.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
                return labelled(all, DomainStore.filter(c).served());
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read domain totals for /metrics: " + e.getMessage(), e);
        }
    }

    /** The rows to label (served, or the most reported), and the rest summed in one {@value #OTHER} row. */
    static List<Row> labelled(List<Row> all, Set<String> served) {
        List<Row> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingLong(Row::reports).reversed().thenComparing(Row::domain));
        List<Row> out = new ArrayList<>();
        long ok = 0;
        long failed = 0;
        long reports = 0;
        boolean rest = false;
        for (Row r : sorted) {
            boolean label = served.isEmpty() ? out.size() < MAX_LABELLED : served.contains(DomainNames.normalise(r.domain()));
            if (label) {
                out.add(r);
            } else {
                rest = true;
                ok += r.ok();
                failed += r.failed();
                reports += r.reports();
            }
        }
        if (rest) out.add(new Row(OTHER, ok, failed, reports));
        return out;
    }
}
