package org.tlsrpthub.hub.notifications;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** {@code tlsrpt_notifications_total{channel,outcome}}: sends by this node, outcome sent, retry or failed. */
public final class NotificationMetrics {
    private final Counter sends;

    public NotificationMetrics(PrometheusRegistry registry) {
        sends = Counter.builder().name("tlsrpt_notifications_total")
                .help("Notification send attempts by this node, by channel and outcome (sent, retry, failed)")
                .labelNames("channel", "outcome").register(registry);
    }

    void count(String channel, String outcome) {
        sends.labelValues(channel, outcome).inc();
    }
}
