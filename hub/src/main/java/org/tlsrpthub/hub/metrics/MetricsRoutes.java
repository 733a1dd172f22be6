package org.tlsrpthub.hub.metrics;

import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.IncidentMetrics;
import io.javalin.Javalin;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.store.Database;

/**
 * {@code GET /metrics} in the Prometheus text format (0.0.4), at the path scrapers expect rather
 * than under /api; the access gate guards it like the API (a scraper sends an API token).
 *
 * <p>The per-domain series are the scraper's organisation's only. The hub-wide series (ingest
 * counters of every organisation's reports) are for hub admins only: their counts move with other
 * organisations' traffic.
 */
public final class MetricsRoutes {
    public static final String PATH = "/metrics";

    private final PrometheusRegistry hubWide;
    private final Database db;
    private final AlertService alerts;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /** @param alerts the incidents behind {@code tlsrpt_incidents_open} */
    public MetricsRoutes(PrometheusRegistry hubWide, Database db, AlertService alerts) {
        this.hubWide = hubWide;
        this.db = db;
        this.alerts = alerts;
    }

    public void register(Javalin app) {
        app.get(PATH, ctx -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            writer.write(out, scrape(AccessFilter.scope(ctx)));
            ctx.contentType(writer.getContentType()).result(out.toByteArray());
        });
    }

    MetricSnapshots scrape(Scope scope) {
        MetricSnapshots.Builder all = MetricSnapshots.builder();
        if (ScopeSql.seesAll(scope)) hubWide.scrape().forEach(all::metricSnapshot);
        PrometheusRegistry domains = new PrometheusRegistry();
        new DomainSessionMetrics(db, domains, scope);
        IncidentMetrics.register(alerts, domains, scope);
        domains.scrape().forEach(all::metricSnapshot);
        return all.build();
    }
}
