package org.tlsrpthub.hub.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import org.tlsrpthub.hub.checks.CheckObserver;

/** Live checks for Prometheus: checks by outcome, and how long the last round on this node took. */
public final class CheckMetrics implements CheckObserver {
    private final Counter checks;
    private final Gauge lastRound;

    public CheckMetrics(PrometheusRegistry registry) {
        checks = Counter.builder().name("tlsrpthub_checks_total")
                .help("Live checks run on this node, by outcome: clean (no error finding), errors, failed (the check itself failed)")
                .labelNames("outcome").register(registry);
        lastRound = Gauge.builder().name("tlsrpthub_check_round_duration_seconds")
                .help("How long the last round of scheduled checks on this node took").register(registry);
    }

    @Override
    public void checked(String outcome) {
        checks.labelValues(outcome).inc();
    }

    @Override
    public void roundDone(Duration took) {
        lastRound.set(took.toNanos() / 1e9);
    }
}
