package org.tlsrpthub.hub.alerts;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.sql.SQLException;
import java.util.Map;
import org.tlsrpthub.hub.orgs.Scope;

/** {@code tlsrpt_incidents_open{severity,rule}}: the open incidents the scraper's organisation sees. */
public final class IncidentMetrics {
    private IncidentMetrics() {}

    public static void register(AlertService alerts, PrometheusRegistry registry, Scope scope) {
        GaugeWithCallback.builder().name("tlsrpt_incidents_open").help("Open incidents, by severity and rule")
                .labelNames("severity", "rule")
                .callback(cb -> {
                    Map<String, Long> counts;
                    try {
                        counts = alerts.openCounts(scope);
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot count open incidents for /metrics: " + e.getMessage(), e);
                    }
                    counts.forEach((key, n) -> {
                        String[] sr = key.split("\n", 2);
                        cb.call(n, sr[0], sr[1]);
                    });
                })
                .register(registry);
    }
}
