package org.tlsrpthub.hub.metrics;

import io.javalin.Javalin;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;

/**
 * {@code GET /metrics} in the Prometheus text format (0.0.4), at the path scrapers expect rather
 * than under /api; the access gate guards it like the API (a scraper sends an API token).
 */
public final class MetricsRoutes {
    public static final String PATH = "/metrics";

    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public MetricsRoutes(PrometheusRegistry registry) {
        this.registry = registry;
    }

    public void register(Javalin app) {
        app.get(PATH, ctx -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            writer.write(out, registry.scrape());
            ctx.contentType(writer.getContentType()).result(out.toByteArray());
        });
    }
}
