package org.tlsrpthub.hub.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Locale;
import org.tlsrpthub.hub.ingest.IngestObserver;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.store.Channel;

/**
 * Ingest counters for Prometheus: inputs by path (channel: file, https, smtp, imap) and outcome
 * (stored, duplicate, quarantined, rejected), parser failures by path, and how long the committing transaction took per
 * input (one batch's time counted for each input in it: that is how long each waited for durability).
 */
public final class IngestMetrics implements IngestObserver {
    private final Counter inputs;
    private final Histogram commitSeconds;
    private final Counter parserFailures;

    public IngestMetrics(PrometheusRegistry registry) {
        inputs = Counter.builder().name("tlsrpthub_ingest_inputs_total")
                .help("Inputs committed, by path and outcome").labelNames("channel", "outcome").register(registry);
        commitSeconds = Histogram.builder().name("tlsrpthub_ingest_commit_duration_seconds")
                .help("Time from the start of the storing transaction to its durable commit, per input")
                .labelNames("channel").classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
        parserFailures = Counter.builder().name("tlsrpthub_parser_failures_total")
                .help("Inputs on which the parser failed unexpectedly (a bug: the input is quarantined, the error logged)")
                .labelNames("channel").register(registry);
    }

    @Override
    public void parserFailed(Channel channel) {
        parserFailures.labelValues(channel.id()).inc();
    }

    @Override
    public void committed(List<PreparedInput> batch, List<IngestOutcome> outcomes, long nanos) {
        double seconds = nanos / 1e9;
        for (int i = 0; i < batch.size(); i++) {
            String channel = batch.get(i).raw().provenance().channel().id();
            inputs.labelValues(channel, outcomes.get(i).status().name().toLowerCase(Locale.ROOT)).inc();
            commitSeconds.labelValues(channel).observe(seconds);
        }
    }
}
