package org.tlsrpthub.hub.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.store.Database;

/**
 * Per-domain session counters from the stored reports, read at scrape time from
 * {@code rollup_domain_total} (one row per domain, maintained at ingest). They only grow while
 * reports arrive, so they are counters: Grafana graphs {@code rate()} or {@code increase()} of them.
 */
public final class DomainSessionMetrics {
    static final String TOTALS = """
            SELECT policy_domain, successful_sessions, failed_sessions, reports
            FROM rollup_domain_total WHERE policy_domain <> ''""";

    private record Row(String domain, long ok, long failed, long reports) {}

    private final Database db;

    public DomainSessionMetrics(Database db, PrometheusRegistry registry) {
        this.db = db;
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
                List<Row> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(TOTALS); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read domain totals for /metrics: " + e.getMessage(), e);
        }
    }
}
