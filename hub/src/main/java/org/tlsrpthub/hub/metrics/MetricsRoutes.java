package org.tlsrpthub.hub.metrics;

import io.javalin.Javalin;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;

/**
 * {@code GET /metrics} in the Prometheus text format (0.0.4). Its own path, outside /api, so that
 * access to it can be configured apart from the API (a scraper often has no user account).
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
