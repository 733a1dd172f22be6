package org.tlsrpthub.hub.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.tlsrpthub.hub.hosting.ServingObserver;

/** Requests for hosted MTA-STS policy files on this node, by outcome: served, or not-found (404). */
public final class PolicyMetrics implements ServingObserver {
    private final Counter requests;

    public PolicyMetrics(PrometheusRegistry registry) {
        requests = Counter.builder().name("tlsrpthub_mta_sts_policy_requests_total")
                .help("Requests for /.well-known/mta-sts.txt on this node, by outcome: served, not-found")
                .labelNames("outcome").register(registry);
    }

    @Override
    public void answered(boolean served) {
        requests.labelValues(served ? "served" : "not-found").inc();
    }
}
